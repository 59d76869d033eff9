"use client";

import { Pencil, UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { customerEdit, customerInput } from "@/lib/contract/catalog-inputs";
import type { MessageChannel, MessageLanguage } from "@/lib/contract/messages";
import type { PhoneKind } from "@/lib/contract/phone-kind";
import { fieldErrors } from "@/lib/contract/errors";
import { PhoneField, SubmitRow, TextField, useFormState } from "@/components/form";
import { useActions } from "@/components/actions-context";
import { CustomerMessagingFields, type MessagingValues } from "./customer-messaging-fields";

type Initial = {
  id: string;
  fullname: string;
  telephone: string;
  email: string | null;
  firstName: string | null;
  language: MessageLanguage;
  preferredChannel: MessageChannel | null;
  optOuts: MessageChannel[];
  /** The saved number's kind: WhatsApp and SMS are offered for a mobile only. */
  saved: { telephone: string; kind: PhoneKind };
};

const FIELDS = ["fullname", "telephone", "email", "firstName", "language", "preferredChannel", "optOuts"];

function messagingOf(initial?: Initial): MessagingValues {
  return {
    firstName: initial?.firstName ?? "",
    language: initial?.language ?? "fr",
    preferredChannel: initial?.preferredChannel ?? "",
    optOuts: initial?.optOuts ?? [],
  };
}

/** Adds a customer (or finds the one with this phone) or edits one, in a dialog. */
export function CustomerDialog({ slug, initial }: { slug: string; initial?: Initial }) {
  const actions = useActions();
  const t = useTranslations("customers");
  const tc = useTranslations("catalog");
  const router = useRouter();
  const { form, formRef, setFormError, formError, pending, start, invalid, failed } = useFormState();
  const { setErrors } = form;
  const [open, setOpen] = useState(false);
  const [fullname, setFullname] = useState(initial?.fullname ?? "");
  const [telephone, setTelephone] = useState(initial?.telephone ?? "");
  const [email, setEmail] = useState(initial?.email ?? "");
  const [messaging, setMessaging] = useState<MessagingValues>(() => messagingOf(initial));
  const patchMessaging = useCallback((patch: Partial<MessagingValues>) => setMessaging((m) => ({ ...m, ...patch })), []);
  const editing = !!initial;

  function reset(next: boolean) {
    setOpen(next);
    if (next) {
      setFullname(initial?.fullname ?? "");
      setTelephone(initial?.telephone ?? "");
      setEmail(initial?.email ?? "");
      setMessaging(messagingOf(initial));
      setErrors({});
      setFormError(null);
    }
  }


  function submit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(null);
    const values = {
      fullname,
      telephone,
      email: email || null,
      firstName: messaging.firstName.trim() || null,
      language: messaging.language,
      preferredChannel: messaging.preferredChannel || null,
      optOuts: messaging.optOuts,
    };
    // The contract's own input: the same checks the server makes.
    const parsed = (editing ? customerEdit : customerInput).safeParse(values);
    if (!parsed.success) {
      invalid(fieldErrors(parsed.error.issues));
      return;
    }
    start(async () => {
      const r = editing ? await actions.editCustomer({ id: initial!.id, values }) : await actions.createCustomer({ values });
      if (!r.ok) {
        failed(r, (k) => FIELDS.includes(k));
        return;
      }
      setOpen(false);
      if (editing) {
        toast.success(t("saved"), { description: r.data.name });
        router.refresh();
        return;
      }
      const created = (r.data as { created?: boolean }).created;
      if (created) toast.success(t("created"), { description: r.data.name });
      else toast.info(t("existing", { name: r.data.name }));
      router.push(`/c/${slug}/customers/${r.data.id}`);
    });
  }

  return (
    <Dialog open={open} onOpenChange={reset}>
      <DialogTrigger asChild>
        {editing ? (
          <Button variant="outline">
            <Pencil aria-hidden />
            {tc("edit")}
          </Button>
        ) : (
          <Button>
            <UserPlus aria-hidden />
            {t("new")}
          </Button>
        )}
      </DialogTrigger>
      <DialogContent closeLabel={tc("close")} className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-xl">
        <form ref={formRef} onSubmit={submit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{editing ? t("editTitle") : t("newTitle")}</DialogTitle>
            <DialogDescription>{editing ? t("editHint") : t("newHint")}</DialogDescription>
          </DialogHeader>
          <TextField form={form} name="fullname" label={t("fullname")} required value={fullname} onValueChange={setFullname} maxLength={120} autoComplete="off" />
          <PhoneField form={form} name="telephone" label={t("telephone")} required hint={t("telephoneHint")} value={telephone} onValueChange={setTelephone} />
          <TextField form={form} name="email" label={t("email")} value={email} onValueChange={setEmail} type="email" autoComplete="off" />
          <CustomerMessagingFields form={form} values={messaging} onChange={patchMessaging} telephone={telephone} saved={initial?.saved} />
          <SubmitRow pending={pending} message={formError} submitLabel={editing ? tc("save") : t("create")} cancelLabel={tc("cancel")} onCancel={() => setOpen(false)} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
