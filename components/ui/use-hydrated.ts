"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * false in the server's HTML and during hydration, true once React drives the component in the browser.
 * A control whose behaviour is JavaScript (an onClick, a react-hook-form field, a client action) stays
 * disabled until then: before hydration a click on it does nothing or submits the form natively (a GET
 * with the fields in the address), and text typed into it is reset when react-hook-form registers it.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
