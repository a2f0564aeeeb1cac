import type { auth as en } from '../en/auth'
import type { Translation } from '../messages'

export const auth: Translation<typeof en> = {
  title: 'Iniciar sesión',
  lede: 'Planifica, equilibra y publica territorios de ventas con tu equipo.',
  trouble:
    '¿Problemas para entrar? El administrador de Tessera puede restablecer tu contraseña.',
  email: 'Correo del trabajo',
  emailPlaceholder: 'tu@empresa.com',
  password: 'Contraseña',
  signingIn: 'Iniciando sesión…',
  submit: 'Iniciar sesión',
  errors: {
    unknown: 'Algo ha fallado. Vuelve a intentarlo.',
    unreachable:
      'Ahora no se puede conectar con Tessera. Comprueba tu conexión y vuelve a intentarlo.',
    invalid: 'Escribe tu correo y tu contraseña.',
    failed: 'No se ha podido iniciar sesión. Vuelve a intentarlo.',
    noEmail: 'Escribe tu correo.',
    noPassword: 'Escribe tu contraseña.',
  },
}
