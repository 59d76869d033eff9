/** A customer as the booking form's picker shows them. */
export type CustomerOption = { id: string; name: string; phone: string };
