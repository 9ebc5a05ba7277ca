import { Clapperboard, MessageSquare, Palette, type LucideIcon } from "lucide-react";

type ExampleApp = { icon: LucideIcon; name: string; model: string; unit: string };

const apps: ExampleApp[] = [
  {
    icon: Clapperboard,
    name: "Video generator",
    model: "video-generator:veo-3",
    unit: "Charge by the second of rendered video.",
  },
  {
    icon: Palette,
    name: "Poster editor",
    model: "poster-editor:inpaint-pro",
    unit: "Charge per generated or edited image.",
  },
  {
    icon: MessageSquare,
    name: "Chat assistant",
    model: "chat:gpt-4o-mini",
    unit: "Charge the real input and output tokens, even when streaming.",
  },
];

export function BuiltFor() {
  return (
    <section aria-labelledby="built-for-title" className="border-y bg-muted/40">
      <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
        <div className="max-w-2xl">
          <h2 id="built-for-title" className="text-2xl font-bold tracking-tight sm:text-3xl">
            Built for companies that ship AI apps
          </h2>
          <p className="mt-3 text-muted-foreground">
            Every model gets a unit — request, image, second or token — a provider cost and a markup. One
            catalog and one credit balance cover every app you run.
          </p>
        </div>
        <ul className="mt-10 grid gap-4 md:grid-cols-3">
          {apps.map((app) => (
            <li key={app.model} className="min-w-0 rounded-lg border bg-card p-5 text-card-foreground">
              <div className="flex items-center gap-3">
                <span className="flex size-9 shrink-0 items-center justify-center rounded-md bg-secondary text-secondary-foreground">
                  <app.icon className="size-5" aria-hidden />
                </span>
                <h3 className="font-semibold">{app.name}</h3>
              </div>
              <p className="mt-4 font-mono text-sm break-all">{app.model}</p>
              <p className="mt-1 text-sm text-muted-foreground">{app.unit}</p>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
