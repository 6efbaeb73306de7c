// Academic years run from 1 September to 31 August; a year is named by its first calendar year.

export function academicYearOf(date: Date): number {
  return date.getMonth() >= 8 ? date.getFullYear() : date.getFullYear() - 1;
}

/** «2026/2027» as schools write it. */
export function formatAcademicYear(startYear: number): string {
  return `${startYear}/${startYear + 1}`;
}

export function academicYearStart(startYear: number): Date {
  return new Date(Date.UTC(startYear, 8, 1));
}

export function academicYearEnd(startYear: number): Date {
  return new Date(Date.UTC(startYear + 1, 7, 31));
}

export function isWithinAcademicYear(date: Date, startYear: number): boolean {
  const t = date.getTime();
  return t >= academicYearStart(startYear).getTime() && t <= academicYearEnd(startYear).getTime();
}
