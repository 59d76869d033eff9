// A company in Europe/Paris (UTC+1/+2) beside the demo's Abidjan ones (UTC+0, which hides
// time-zone bugs): the e2e tests book there and check the wall clock they typed comes back.
import { createAgent, createCompany, createService } from "../../../lib/catalog";
import { systemCaller } from "../../../lib/auth/caller";
import { DEMO } from "../../../lib/demo/catalog";
import { PARIS } from "./accounts";


export async function addParisCompany() {
  const caller = systemCaller(DEMO.appId);
  const company = await createCompany(caller, { name: PARIS.name, slug: PARIS.slug, timezone: "Europe/Paris", currency: "XOF" });
  const service = await createService(caller, {
    companyId: company.id,
    name: PARIS.service,
    basePrice: 4000,
    duration: 30,
    fields: [
      {
        name: "style",
        label: "Style",
        type: "select",
        required: true,
        options: [
          { label: "Courte", value: "courte", price: 0 },
          { label: "Sculptée", value: "sculptee", price: 1500 },
        ],
      },
    ],
  });
  await createAgent(caller, { companyId: company.id, fullname: PARIS.agent, serviceIds: [service.id] });
}
