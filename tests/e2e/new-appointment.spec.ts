import { openDay } from "./support/days";
import { expect, plain, screenshot, test } from "./fixtures";
import { PARIS, SALON } from "./support/accounts";
import { DemoApi } from "./support/api";

/** A day well after the demo's appointments (which end two weeks ahead), so agents are free. */
const futureDay = openDay;

test.describe("new appointment", () => {
  test("custom fields render from the service; the total is computed live and saved", async ({ page, newAppointment, appointments }) => {
    await newAppointment.goto(SALON);
    await expect(newAppointment.total()).toHaveText("—");
    await newAppointment.chooseService("Tresses");
    await expect(page.getByRole("heading", { name: "Informations pour ce service" })).toBeVisible();
    await expect(newAppointment.total()).toHaveText(/15\s000\sF\sCFA/);

    await page.getByLabel("Modèle").selectOption({ label: "Box braids (+10 000 F CFA)" });
    await expect(newAppointment.total()).toHaveText(/25\s000\sF\sCFA/);
    await page.getByLabel("Longueur").selectOption({ label: "Mi-dos (+3 000 F CFA)" });
    await page.getByLabel("Mèches fournies par le salon").selectOption({ label: "Oui (+4 000 F CFA)" });
    await expect(newAppointment.total()).toHaveText(/32\s000\sF\sCFA/);

    await newAppointment.chooseCustomer("Salimata Bamba");
    await newAppointment.setWhen(futureDay(20), "10:00");
    await newAppointment.field("Agent").selectOption({ label: "Awa Koné — Coiffeuse" });
    await page.getByLabel("Commune (facultatif)").fill("Cocody");
    await screenshot(page, "06-new-appointment-1280");
    await newAppointment.submit();

    await expect(page).toHaveURL(/appointment=/);
    const drawer = appointments.drawer();
    await expect(drawer.getByRole("heading", { name: "Salimata Bamba" })).toBeVisible();
    await expect(drawer.getByTestId("detail-price")).toHaveText(/32\s000\sF\sCFA/);
    await expect(drawer.getByText("Box braids (+10 000 F CFA)")).toBeVisible();
    await expect(drawer.getByText("Mi-dos (+3 000 F CFA)")).toBeVisible();
    await expect(drawer.getByText("Créé (En attente)")).toBeVisible();
    expect(plain(await drawer.innerText())).toContain("10:00 – 13:00");
  });

  test("a new customer is added inline and selected", async ({ page, newAppointment }) => {
    await newAppointment.goto(SALON);
    await page.getByRole("button", { name: "Nouveau client" }).click();
    await page.getByLabel("Nom complet").fill("Fatou Test Inline");
    await page.getByLabel("Téléphone").fill("07 99 88 77 66");
    await page.getByRole("button", { name: "Ajouter le client" }).click();
    await expect(newAppointment.customerPicker()).toContainText("Fatou Test Inline");
    await expect(newAppointment.customerPicker()).toContainText("+225 07 99 88 77 66");

    // A bad phone number is refused next to the field, nothing created.
    await page.getByRole("button", { name: "Nouveau client" }).click();
    await page.getByLabel("Nom complet").fill("Numéro Faux");
    await page.getByLabel("Téléphone").fill("12");
    await page.getByRole("button", { name: "Ajouter le client" }).click();
    await expect(page.getByText("Numéro de téléphone invalide")).toBeVisible();
  });

  test("missing fields are shown next to them and nothing is saved", async ({ page, newAppointment }) => {
    await newAppointment.goto(SALON);
    await newAppointment.submit();
    await expect(page.getByRole("alert", { name: "Corrigez les champs signalés." })).toBeVisible();
    await expect(page.getByText("Choisissez un service").last()).toBeVisible();
    await newAppointment.chooseService("Tresses");
    await newAppointment.chooseCustomer("Salimata Bamba");
    await newAppointment.submit();
    await expect(page.locator("#" + (await page.getByLabel("Modèle").getAttribute("aria-describedby")))).toHaveText("Champ obligatoire");
    await expect(page).toHaveURL(/\/new$/);
    await screenshot(page, "07-new-appointment-errors-1280");
  });

  test("double-booking an agent shows agent-unavailable next to the agent", async ({ page, newAppointment }) => {
    const day = futureDay(21);
    await newAppointment.goto(SALON);
    await newAppointment.chooseService("Coupe homme");
    await page.getByLabel("Type de coupe").selectOption({ label: "Classique" });
    await newAppointment.chooseCustomer("Salimata Bamba");
    await newAppointment.setWhen(day, "15:00");
    await newAppointment.field("Agent").selectOption({ label: "Koffi Yao — Barbier" });
    await newAppointment.submit();
    await expect(page).toHaveURL(/appointment=/);

    await newAppointment.goto(SALON);
    await newAppointment.chooseService("Coupe homme");
    await page.getByLabel("Type de coupe").selectOption({ label: "Dégradé (+1 000 F CFA)" });
    await newAppointment.chooseCustomer("Salimata Bamba");
    await newAppointment.setWhen(day, "15:15");
    await newAppointment.field("Agent").selectOption({ label: "Koffi Yao — Barbier" });
    await newAppointment.submit();
    const agent = newAppointment.field("Agent");
    await expect(agent).toHaveAttribute("aria-invalid", "true");
    const errorId = await agent.getAttribute("aria-describedby");
    await expect(page.locator(`#${errorId}`)).toHaveText("Cet agent a déjà un rendez-vous sur ce créneau.");
    await expect(page).toHaveURL(/\/new$/);
    await screenshot(page, "08-agent-unavailable-1280");
  });

  test("a company in Europe/Paris: the wall clock typed is the one shown (summer and winter)", async ({ page, newAppointment, appointments }) => {
    const year = new Date().getUTCFullYear() + 1;
    for (const [day, time] of [
      [`${year}-07-15`, "09:30"],
      [`${year}-01-15`, "18:45"],
    ]) {
      await newAppointment.goto(PARIS.slug);
      await expect(page.getByText(/heure de Paris, UTC\+[12]/)).toBeVisible();
      await newAppointment.chooseService(PARIS.service);
      await page.getByLabel("Style").selectOption({ label: "Sculptée (+1 500 F CFA)" });
      await expect(newAppointment.total()).toHaveText(/5\s500\sF\sCFA/);
      await newAppointment.chooseCustomer("Salimata Bamba");
      await newAppointment.setWhen(day, time);
      await newAppointment.field("Agent").selectOption({ label: PARIS.agent });
      await newAppointment.submit();
      await expect(page).toHaveURL(new RegExp(`from=${day}`));
      const drawer = appointments.drawer();
      await expect(drawer.getByRole("heading", { name: "Salimata Bamba" })).toBeVisible();
      expect(plain(await drawer.innerText())).toContain(`${time} – `);
      await page.keyboard.press("Escape");
      await expect(appointments.rows().filter({ hasText: "Salimata Bamba" }).first()).toContainText(time);
    }
  });

  test("outside working hours, an owner gets an inline choice and books anyway (recorded hors horaires)", async ({ page, request, newAppointment, appointments }) => {
    const api = new DemoApi(request);
    const agent = await api.parisAgent("Agent Hors Horaires", [{ start: "10:00", end: "12:00" }]);
    try {
      const day = futureDay(33);
      await page.goto(`/c/${PARIS.slug}/appointments/new?agentId=${agent.id}`);
      await expect(page.locator("form[data-hydrated]")).toBeVisible();
      await newAppointment.chooseService(PARIS.service);
      await page.getByLabel("Style").selectOption({ label: "Sculptée (+1 500 F CFA)" });
      await newAppointment.chooseCustomer("Salimata Bamba");
      await newAppointment.setWhen(day, "15:00");
      await newAppointment.submit();

      // Refused with the hours of that day; the choice is inline and focused, nothing booked yet.
      await expect(page.getByRole("alert").filter({ hasText: "10:00–12:00" })).toBeVisible();
      const choice = page.getByRole("group", { name: "Hors des horaires" });
      const force = choice.getByRole("button", { name: "Réserver quand même (hors horaires)" });
      await expect(force).toBeFocused();
      await screenshot(page, "force-outside-hours-1280");
      await page.keyboard.press("Enter");

      await expect(page).toHaveURL(new RegExp(`from=${day}`));
      const drawer = appointments.drawer();
      await expect(drawer.getByRole("heading", { name: "Salimata Bamba" })).toBeVisible();
      expect(plain(await drawer.innerText())).toContain("15:00 – ");
      await expect(drawer.getByTestId("history")).toContainText("hors horaires");
    } finally {
      await agent.done();
    }
  });

  test.describe("on a phone", () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    test("outside working hours, the choice sits in the form by the time; the bar stays low and covers neither it nor the slots", async ({ page, request, newAppointment }) => {
      const api = new DemoApi(request);
      const agent = await api.parisAgent("Agent Téléphone", [{ start: "10:00", end: "12:00" }]);
      try {
        await page.goto(`/c/${PARIS.slug}/appointments/new?agentId=${agent.id}`);
        await expect(page.locator("form[data-hydrated]")).toBeVisible();
        await newAppointment.chooseService(PARIS.service);
        await page.getByLabel("Style").selectOption({ label: "Sculptée (+1 500 F CFA)" });
        await newAppointment.chooseCustomer("Salimata Bamba");
        await newAppointment.setWhen(futureDay(34), "15:00");
        await newAppointment.submit();

        const choice = page.getByRole("group", { name: "Hors des horaires" });
        const force = choice.getByRole("button", { name: "Réserver quand même (hors horaires)" });
        await expect(force).toBeFocused();
        await expect(choice.getByRole("alert")).toContainText("10:00–12:00");
        const bar = page.getByTestId("booking-bar");
        // In the form's body, not in the sticky bar, which holds no message of its own then.
        await expect(bar.getByTestId("force-outside-hours")).toHaveCount(0);
        await expect(bar.getByRole("alert")).toHaveCount(0);
        const barBox = (await bar.boundingBox())!;
        expect(barBox.height).toBeLessThan(844 / 4);
        // The choice is on screen above the bar; the slot chips (just above it) are not under the bar either.
        const choiceBox = (await choice.boundingBox())!;
        expect(choiceBox.y).toBeGreaterThanOrEqual(0);
        expect(choiceBox.y + choiceBox.height).toBeLessThanOrEqual(barBox.y);
        const chips = (await page.getByTestId("slot-suggestions").boundingBox())!;
        expect(chips.y + chips.height).toBeLessThanOrEqual(barBox.y);
        await screenshot(page, "force-outside-hours-390", { fullPage: false });

        // By keyboard, the other choice goes back to the time; the bar is unchanged.
        await page.keyboard.press("Tab");
        await expect(choice.getByRole("button", { name: "Choisir une autre heure" })).toBeFocused();
        await page.keyboard.press("Enter");
        await expect(choice).toHaveCount(0);
        await expect(newAppointment.field("Heure")).toBeFocused();
      } finally {
        await agent.done();
      }
    });
  });

});
