import { assignUnits, setAccountOverride, setUnitsLocked } from './edits'
import {
  createRegion,
  deleteRegion,
  renameRegion,
  setRegionUnits,
} from './region-ops'
import { proposeSplit } from './split-proposal'
import { checkName } from './territory-names'
import {
  createTerritory,
  recolourTerritory,
  renameTerritory,
  setTerritoryLocked,
  setTerritoryRegion,
  setTerritoryRep,
} from './territory-ops'
import {
  deleteTerritory,
  mergeTerritories,
  splitTerritory,
} from './territory-restructure'

/**
 * Every edit of territories, regions, unit locks and account overrides, in one object. The
 * territories feature may not import this one (features stay apart), so the page hands it
 * to the territory editor, whose `TerritoryOps` interface it satisfies.
 */
export const territoryOps = {
  assignUnits,
  checkName,
  createRegion,
  createTerritory,
  deleteRegion,
  deleteTerritory,
  mergeTerritories,
  proposeSplit,
  recolourTerritory,
  renameRegion,
  renameTerritory,
  setAccountOverride,
  setRegionUnits,
  setTerritoryLocked,
  setTerritoryRegion,
  setTerritoryRep,
  setUnitsLocked,
  splitTerritory,
}
