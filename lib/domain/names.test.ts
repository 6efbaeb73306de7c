import { expect, it } from "vitest";
import { initialsAndSurname } from "./names";

it.each([
  ["Смирнова Елена Петровна", "Е.П. Смирнова"],
  ["  Волков   Сергей ", "С. Волков"],
  ["Косарева", "Косарева"],
  ["", ""],
])("%s → %s", (name, expected) => expect(initialsAndSurname(name)).toBe(expected));
