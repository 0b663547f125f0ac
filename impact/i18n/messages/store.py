"""Texts of the store layer."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "store.batch_not_found": {
        "nl": "Importbatch {batch} bestaat niet bij organisatie '{org}'. Zie de "
        "importgeschiedenis voor de nummers.",
        "en": "Import batch {batch} does not exist in organisation '{org}'. See the "
        "import history for the numbers.",
    },
    "store.mapping_not_found": {
        "nl": "Er is geen opgeslagen kolomindeling met de naam '{name}'. Opgeslagen "
        "indelingen: {known}.",
        "en": "There is no saved column mapping called '{name}'. Saved mappings: "
        "{known}.",
    },
}
