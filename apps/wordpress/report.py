"""What an import did, in German, for the person who ran it."""

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class ImportReport:
    """What an import created, updated, skipped or hid, and what needs an editor's eye."""

    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    hidden: int = 0
    scheduled: int = 0
    missing_media: list[str] = field(default_factory=list)
    refused_media: list[str] = field(default_factory=list)
    missing_alt: list[str] = field(default_factory=list)
    dropped_shortcodes: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    dry_run: bool = False

    @staticmethod
    def _kinds(counter: Counter) -> str:
        total = sum(counter.values())
        if not total:
            return "0"
        return f"{total} ({', '.join(f'{n} {kind}' for kind, n in sorted(counter.items()))})"

    @property
    def summary(self) -> str:
        prefix = "Probelauf (nichts gespeichert): " if self.dry_run else ""
        return (
            f"{prefix}{self._kinds(self.created)} angelegt, "
            f"{self._kinds(self.updated)} aktualisiert, "
            f"{self._kinds(self.skipped)} übersprungen, "
            f"{self.hidden} nicht öffentlich, {self.scheduled} geplant, "
            f"{len(self.missing_media) + len(self.refused_media)} Mediendateien fehlen "
            f"oder sind keine Fotos, "
            f"{sum(self.dropped_shortcodes.values())} Shortcodes entfernt, "
            f"{len(self.missing_alt)} Fotos ohne Alternativtext."
        )

    def details(self) -> list[str]:
        """Return the lines an editor has to act on, after the summary."""
        lines = []
        if self.missing_media:
            lines.append("Nicht gefundene Mediendateien (Ordner --media-dir prüfen):")
            lines += [f"  {name}" for name in self.missing_media]
        if self.refused_media:
            lines.append("Nicht als Foto übernommen:")
            lines += [f"  {line}" for line in self.refused_media]
        if self.missing_alt:
            lines.append(
                "Fotos ohne Alternativtext (nach BITV 2.0 Pflicht; bitte im Admin unter "
                "Fotos ergänzen):"
            )
            lines += [f"  {name}" for name in self.missing_alt]
        if self.dropped_shortcodes:
            dropped = ", ".join(
                f"[{name}] ×{n}" for name, n in sorted(self.dropped_shortcodes.items())
            )
            lines.append(f"Entfernte Shortcodes (Inhalt bitte prüfen): {dropped}")
        return lines + self.notes
