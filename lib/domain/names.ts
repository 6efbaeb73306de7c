// «Смирнова Елена Петровна» → «Е.П. Смирнова»: how Russian documents print a name under a signature.
export function initialsAndSurname(fullName: string): string {
  const [surname, ...given] = fullName.trim().split(/\s+/);
  if (!surname) return "";
  const initials = given.map((g) => `${g[0]?.toUpperCase()}.`).join("");
  return initials ? `${initials} ${surname}` : surname;
}

/** «Фамилия Имя Отчество» from the parts a Person keeps. */
export function fullName(p: { lastName: string; firstName: string; middleName?: string | null }): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(" ");
}
