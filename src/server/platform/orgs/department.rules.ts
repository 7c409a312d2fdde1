/**
 * What makes two department names the same department: NFKC (全角 letters and
 * digits fold to half-width, 「ＮＷ」 = 「NW」), surrounding spaces dropped and
 * inner runs of spaces made one. Case is kept: 「NW」 and 「nw」 may be different
 * teams in a real organisation chart.
 */
export function departmentKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

export const DEPARTMENT_NAME_MAX = 100;
