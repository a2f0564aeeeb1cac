import type { optimize as en } from '../en/optimize'
import type { Translation } from '../messages'

export const optimize: Translation<typeof en> = {
  title: 'Optimizar',
  whatToDo: 'Qué hacer',
  modes: {
    design: 'Diseño automático',
    designHint: 'Dibujar todos los territorios desde cero',
    rebalance: 'Reequilibrar',
    rebalanceHint: 'Mejorar este escenario moviendo pocas cuentas',
  },
  territories: 'Territorios',
  balanceOn: 'Equilibrar por',
  metrics: {
    workload: 'Carga de trabajo',
    potential: 'Potencial',
    accounts: 'Cuentas',
    sales: 'Ventas',
    forecast: 'Previsión (próximos 12 meses)',
  },
  tolerance: 'Tolerancia ± %',
  seed: 'Semilla',
  maxMoved: 'Cuentas movidas respecto a la alineación publicada, como máximo %',
  splitUnits:
    'Dividir por cuenta las unidades demasiado grandes para un territorio',
  errors: {
    parts: 'Territorios: un número entero de 1 a 2000.',
    tolerance: 'Tolerancia: un porcentaje de 0,1 a 100.',
    seed: 'Semilla: un número entero, 0 o más.',
    moved: 'Cuentas movidas: un porcentaje de 0 a 100.',
  },
  progress: 'Progreso',
  saved: 'Guardado como el borrador «{{name}}».',
  savedApply:
    'Guardado como el borrador «{{name}}». Ábrelo o aplícalo a este escenario (Deshacer lo revierte).',
  applyFailed: 'No se ha podido aplicar el resultado: {{error}}',
  again: 'Otra vez',
  applying: 'Aplicando…',
  applyHere: 'Aplicar a este escenario',
  openDraft: 'Abrir el borrador',
  design: 'Diseñar',
  rebalance: 'Reequilibrar',
  status: {
    queued: 'Esperando a que termine otra optimización…',
    working: 'Trabajando…',
    workingScore: 'Trabajando… puntuación de equilibrio hasta ahora {{score}}',
    cancelled: 'Cancelado. No se ha guardado nada.',
    failed: 'Ha fallado: {{error}}',
    unknownError: 'error desconocido',
    done: 'Hecho.',
    worst: 'peor desviación {{percent}} %',
    onePiece: 'todos los territorios en una pieza',
    inPieces: 'algunos territorios en piezas',
    split: '{{count, number}} cuentas colocadas una a una',
    savedAs: 'Guardado como «{{name}}»: {{parts}}.',
  },
}
