"use client";

// A new password's input and the button that draws one: the member and reset dialogs both
// show the password in clear, since it is passed on to someone.
import { KeyRound } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** A password easy to read out or type: no 0/O, 1/l/I. Drawn in the browser with its CSPRNG. */
export function generatePassword(length = 14): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = new Uint32Array(length);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

export function PasswordInput({
  value,
  onValueChange,
  generateLabel,
  ...control
}: Omit<React.ComponentProps<"input">, "value" | "onChange" | "type"> & {
  value: string;
  onValueChange: (value: string) => void;
  generateLabel: string;
}) {
  return (
    <div className="flex gap-2">
      <Input
        {...control}
        type="text"
        value={value}
        autoComplete="new-password"
        spellCheck={false}
        className="font-mono"
        onChange={(e) => onValueChange(e.target.value)}
      />
      <Button type="button" variant="outline" onClick={() => onValueChange(generatePassword())}>
        <KeyRound aria-hidden />
        {generateLabel}
      </Button>
    </div>
  );
}
