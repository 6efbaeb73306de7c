"use server";

import { defineAction, done } from "../actions/action";
import { SetTimeZoneInput } from "./schemas";

/** The head sets the organization's time zone (a new organization starts with its parent's). */
export const setOrganizationTimeZone = defineAction({
  name: "organization.setTimeZone",
  scope: "tenant",
  permission: "organization.settings",
  input: SetTimeZoneInput,
  async run({ input, tx, ctx }) {
    const from = ctx.organization.timeZone;
    await tx.organization.update({ where: { id: ctx.organization.id }, data: { timeZone: input.timeZone } });
    return done({ timeZone: input.timeZone }, { targetType: "Organization", targetId: ctx.organization.id, data: { from, to: input.timeZone } });
  },
});
