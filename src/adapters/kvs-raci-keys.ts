/** Storage of the RACI matrix macro: entity `raci-matrix`, keyed by the matrix id (validated before use). */
const MATRIX_ID = /^raci-[A-Za-z0-9-]{1,80}$/;

export const RACI_MATRIX_ENTITY = 'raci-matrix';

export function raciMatrixKey(matrixId: string): string {
  if (!MATRIX_ID.test(matrixId)) throw new Error(`"${matrixId}" cannot be part of a storage key.`);
  return matrixId;
}
