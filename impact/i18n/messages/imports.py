"""Texts of the import use case (the ingest layer has its own catalogue)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "app.imp.template.download_ods": {
        "nl": "Download het sjabloon als OpenDocument (.ods)",
        "en": "Download the template as OpenDocument (.ods)",
    },
    "app.imp.job.queued": {
        "nl": "Wacht op een vrije plek: er lopen al andere controles of een import "
        "van uw organisatie. U kunt deze pagina open laten.",
        "en": "Waiting for a free slot: other checks or an import of your "
        "organisation are running. You can leave this page open.",
    },
    "app.imp.job.running": {
        "nl": "Bezig met lezen en controleren…",
        "en": "Reading and checking…",
    },
    "app.imp.job_died": {
        "nl": "Het verwerken van dit bestand is onverwacht gestopt; er is niets "
        "opgeslagen. Probeer het nog eens. Gebeurt het weer, kopieer dan alleen uw "
        "gegevens naar een nieuwe werkmap, sla die op als .xlsx en upload die.",
        "en": "Processing this file stopped unexpectedly; nothing was stored. Try "
        "again. If it happens again, copy only your data into a new workbook, save "
        "it as .xlsx and upload that.",
    },
    "import.progress_writing": {"nl": "Gegevens opslaan…", "en": "Saving data…"},
    "import.progress_done": {"nl": "Klaar", "en": "Done"},
    "import.unknown_programmes": {
        "nl": "Onbekend programma in het bestand: {names}. Bekende programma's: "
        "{known}. Pas de kolom 'programma' aan of laat een analist het programma "
        "eerst aanmaken.",
        "en": "Unknown programme in the file: {names}. Known programmes: {known}. "
        "Correct the 'programme' column or ask an analyst to create the programme "
        "first.",
    },
    "import.group_conflict": {
        "nl": "{n} deelnemer(s) staan al in de andere groep (deelnemer/"
        "vergelijkingsgroep) van hetzelfde programma. Controleer de kolom 'groep'.",
        "en": "{n} participant(s) are already stored in the other group (treated/"
        "comparison) of the same programme. Check the 'group' column.",
    },
    "import.undo_not_own": {
        "nl": "Importbatch {batch} is door iemand anders geïmporteerd. U kunt alleen "
        "uw eigen imports terugdraaien; vraag een beheerder om deze.",
        "en": "Import batch {batch} was imported by someone else. You can only undo "
        "your own imports; ask an administrator to undo this one.",
    },
    "import.already_undone": {
        "nl": "Importbatch {batch} is al teruggedraaid.",
        "en": "Import batch {batch} has already been undone.",
    },
    "import.unchanged": {
        "nl": "Dit bestand is al eerder geïmporteerd; er is niets veranderd.",
        "en": "This file was imported before; nothing has changed.",
    },
    "import.redo_not_undone": {
        "nl": "Importbatch {batch} is niet teruggedraaid; er is niets te herstellen.",
        "en": "Import batch {batch} has not been undone; there is nothing to restore.",
    },
    "import.redo_purged": {
        "nl": "Importbatch {batch} is langer dan {days} dagen geleden teruggedraaid "
        "en kan niet meer worden hersteld. Importeer het bestand opnieuw.",
        "en": "Import batch {batch} was undone more than {days} days ago and can no "
        "longer be restored. Import the file again.",
    },
    "import.redo_twin": {
        "nl": "Het bestand van importbatch {batch} is daarna opnieuw geïmporteerd "
        "(batch {twin}); herstellen zou niets toevoegen.",
        "en": "The file of import batch {batch} was imported again afterwards "
        "(batch {twin}); restoring would add nothing.",
    },
    "import.redo_not_own": {
        "nl": "Importbatch {batch} is door iemand anders geïmporteerd. U kunt alleen "
        "uw eigen imports herstellen; vraag een beheerder om deze.",
        "en": "Import batch {batch} was imported by someone else. You can only "
        "restore your own imports; ask an administrator to restore this one.",
    },
}
