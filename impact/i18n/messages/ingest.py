"""Texts of the ingest layer: refusals, cell problems, template texts.

Problem texts say what is wrong and how to fix it. The location prefix
(``ingest.at_*``) is put before a cell problem by :class:`ProblemLog`.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # locations
    "ingest.at_cell_header": {
        "nl": "Rij {row}, kolom {column} ('{header}'): ",
        "en": "Row {row}, column {column} ('{header}'): ",
    },
    "ingest.at_cell": {
        "nl": "Rij {row}, kolom {column}: ",
        "en": "Row {row}, column {column}: ",
    },
    "ingest.at_row": {"nl": "Rij {row}: ", "en": "Row {row}: "},
    "ingest.at_column_header": {
        "nl": "Kolom {column} ('{header}'): ",
        "en": "Column {column} ('{header}'): ",
    },
    "ingest.at_column": {"nl": "Kolom {column}: ", "en": "Column {column}: "},
    "ingest.more_of_same": {
        "nl": "En nog {count} cellen met hetzelfde probleem ({code}). Los eerst de bovenstaande op en controleer de rest van de kolom.",
        "en": "And {count} more cells with the same problem ({code}). Fix the ones above first, then check the rest of the column.",
    },
    "ingest.refused_summary": {
        "nl": "Het bestand is niet geïmporteerd: er zijn {count} fouten gevonden. Er is niets opgeslagen; herstel de fouten en upload het bestand opnieuw.",
        "en": "The file was not imported: {count} errors were found. Nothing was saved; fix the errors and upload the file again.",
    },
    "ingest.progress_checking": {
        "nl": "Bestand controleren",
        "en": "Checking the file",
    },
    "ingest.progress_checking_cells": {
        "nl": "Cellen controleren",
        "en": "Checking the cells",
    },
    "ingest.progress_done": {"nl": "Klaar", "en": "Done"},
    # refused files
    "ingest.file_empty": {
        "nl": "Het bestand is leeg. Kies het juiste bestand en upload het opnieuw.",
        "en": "The file is empty. Choose the right file and upload it again.",
    },
    "ingest.file_too_large": {
        "nl": "Het bestand is te groot ({size_mb} MB; maximaal {max_mb} MB). Splits het op in kleinere bestanden, bijvoorbeeld per jaar of per programma.",
        "en": "The file is too large ({size_mb} MB; at most {max_mb} MB). Split it into smaller files, for example per year or per programme.",
    },
    "ingest.file_ole": {
        "nl": "Dit is een oud Excel-bestand (.xls) of een bestand met een wachtwoord. Open het in Excel en kies 'Opslaan als' → 'Excel-werkmap (.xlsx)', zonder wachtwoord.",
        "en": "This is an old Excel file (.xls) or a password-protected file. Open it in Excel and choose 'Save as' → 'Excel Workbook (.xlsx)', without a password.",
    },
    "ingest.file_macro": {
        "nl": "Dit bestand bevat macro's (.xlsm). Die worden om veiligheidsredenen niet geaccepteerd. Sla het op als 'Excel-werkmap (.xlsx)' en upload het opnieuw.",
        "en": "This file contains macros (.xlsm), which are not accepted for safety reasons. Save it as 'Excel Workbook (.xlsx)' and upload it again.",
    },
    "ingest.file_type": {
        "nl": "Bestanden van het type '{ext}' worden niet ondersteund. Gebruik een Excel-werkmap (.xlsx) of een CSV-bestand (.csv).",
        "en": "Files of type '{ext}' are not supported. Use an Excel workbook (.xlsx) or a CSV file (.csv).",
    },
    "ingest.file_not_excel": {
        "nl": "Dit bestand heeft een Excel-naam maar is geen Excel-werkmap (het lijkt {what}). Open de gegevens in Excel en sla ze op als 'Excel-werkmap (.xlsx)'.",
        "en": "This file has an Excel name but is not an Excel workbook (it looks like {what}). Open the data in Excel and save it as 'Excel Workbook (.xlsx)'.",
    },
    "ingest.file_not_csv": {
        "nl": "Dit bestand heet .csv maar bevat geen tekst (het lijkt {what}). Sla de gegevens op als CSV of als Excel-werkmap (.xlsx).",
        "en": "This file is named .csv but does not contain text (it looks like {what}). Save the data as CSV or as an Excel workbook (.xlsx).",
    },
    "ingest.content_binary": {"nl": "een binair bestand", "en": "a binary file"},
    "ingest.content_text": {"nl": "een tekstbestand", "en": "a text file"},
    "ingest.file_corrupt": {
        "nl": "Het bestand is beschadigd of onvolledig en kan niet gelezen worden. Open het in Excel, sla het opnieuw op als .xlsx en upload het nog eens.",
        "en": "The file is damaged or incomplete and cannot be read. Open it in Excel, save it again as .xlsx and upload it once more.",
    },
    "ingest.zip_entries": {
        "nl": "Het bestand bestaat uit {count} onderdelen (maximaal {limit}); zo ziet een gewone werkmap er niet uit. Kopieer de gegevens naar een nieuwe werkmap en upload die.",
        "en": "The file consists of {count} parts (at most {limit}); a normal workbook does not look like that. Copy the data into a new workbook and upload that.",
    },
    "ingest.zip_ratio": {
        "nl": "Onderdeel '{name}' van het bestand is {ratio} keer gecomprimeerd; zo ziet een gewone werkmap er niet uit (mogelijk een 'zip-bom'). Kopieer de gegevens naar een nieuwe werkmap en upload die.",
        "en": "Part '{name}' of the file is compressed {ratio} times; a normal workbook does not look like that (possibly a 'zip bomb'). Copy the data into a new workbook and upload that.",
    },
    "ingest.zip_total": {
        "nl": "Uitgepakt zou het bestand {size_mb} MB zijn (maximaal {limit_mb} MB). Splits de gegevens op in kleinere bestanden.",
        "en": "Unpacked, the file would be {size_mb} MB (at most {limit_mb} MB). Split the data into smaller files.",
    },
    "ingest.xml_dtd": {
        "nl": "Onderdeel '{name}' bevat een DOCTYPE- of ENTITY-declaratie. Die komen in gewone werkmappen niet voor en worden om veiligheidsredenen geweigerd. Sla de gegevens op in een nieuwe werkmap met Excel.",
        "en": "Part '{name}' contains a DOCTYPE or ENTITY declaration. Normal workbooks do not have these and they are refused for safety reasons. Save the data in a new workbook with Excel.",
    },
    "ingest.used_range": {
        "nl": "Blad '{sheet}' loopt door tot cel {cell}, ver voorbij gewone gegevens. Verwijder de lege rijen en kolommen na uw gegevens (selecteer ze, rechtsklik, 'Verwijderen'), of splits het bestand op, en upload het opnieuw.",
        "en": "Sheet '{sheet}' extends to cell {cell}, far beyond normal data. Delete the empty rows and columns after your data (select them, right-click, 'Delete'), or split the file, and upload it again.",
    },
    "ingest.file_xlsb": {
        "nl": "Dit is een binaire Excel-werkmap (.xlsb); die kan niet worden ingelezen. Open het bestand in Excel en kies 'Opslaan als' → 'Excel-werkmap (.xlsx)', en upload dat bestand.",
        "en": "This is a binary Excel workbook (.xlsb), which cannot be read. Open the file in Excel and choose 'Save as' → 'Excel Workbook (.xlsx)', then upload that file.",
    },
    "ingest.zip_duplicate": {
        "nl": "Het onderdeel '{name}' staat twee keer in het bestand; zo schrijft Excel geen werkmap. Open het bestand in Excel of LibreOffice, sla het opnieuw op als .xlsx en upload het nog eens.",
        "en": "The part '{name}' is in the file twice; Excel never writes a workbook like that. Open the file in Excel or LibreOffice, save it again as .xlsx and upload it once more.",
    },
    "ingest.sheet_name_twice": {
        "nl": "Er zijn twee bladen met de naam '{sheet}'. Geef elk blad een eigen naam (rechtsklik op de bladtab, 'Naam wijzigen') en upload het bestand opnieuw.",
        "en": "There are two sheets named '{sheet}'. Give every sheet its own name (right-click the sheet tab, 'Rename') and upload the file again.",
    },
    "ingest.read_failed": {
        "nl": "Dit bestand kon niet veilig worden gelezen: het lezen vroeg meer geheugen dan toegestaan of stopte onverwacht. Meestal staan er opmaak of waarden ver buiten uw gegevens. Kopieer alleen uw gegevens naar een nieuwe werkmap, sla die op als .xlsx en upload die.",
        "en": "This file could not be read safely: reading it needed more memory than allowed or stopped unexpectedly. Usually there is formatting or a value far outside your data. Copy only your data into a new workbook, save it as .xlsx and upload that.",
    },
    "ingest.read_timeout": {
        "nl": "Het lezen van dit bestand duurde langer dan {seconds} seconden en is gestopt. Verwijder lege rijen en kolommen na uw gegevens of verdeel de gegevens over kleinere bestanden, en upload opnieuw.",
        "en": "Reading this file took longer than {seconds} seconds and was stopped. Delete empty rows and columns after your data or split the data over smaller files, and upload again.",
    },
    "ingest.no_sheets": {
        "nl": "Het bestand bevat geen blad met gegevens. Zet de gegevens op een blad met de kolomnamen in de eerste rij (gebruik bijvoorbeeld het sjabloon) en upload het opnieuw.",
        "en": "The file has no sheet with data. Put the data on a sheet with the column names in the first row (use the template, for example) and upload it again.",
    },
    "ingest.no_header": {
        "nl": "Blad '{sheet}' heeft geen rij met kolomnamen die we herkennen (zoals 'cliëntnummer', 'datum', 'score'). Zet de kolomnamen in de eerste rij boven uw gegevens, of gebruik het sjabloon, en upload opnieuw.",
        "en": "Sheet '{sheet}' has no row of column names we recognise (such as 'client id', 'date', 'score'). Put the column names in the first row above your data, or use the template, and upload again.",
    },
    "ingest.no_data_rows": {
        "nl": "Blad '{sheet}' heeft kolomnamen maar geen rijen met gegevens eronder. Vul onder de kolomnamen één rij per meting in en upload het bestand opnieuw.",
        "en": "Sheet '{sheet}' has column names but no rows of data below them. Fill in one row per measurement below the column names and upload the file again.",
    },
    "ingest.cell_too_long": {
        "nl": 'deze cel bevat {length} tekens; een cel mag er hoogstens {limit} hebben (zoveel als Excel toestaat). Meestal ontbreekt er een aanhalingsteken (") in het CSV-bestand. Controleer de cel en upload opnieuw.',
        "en": 'this cell holds {length} characters; a cell may hold at most {limit} (as many as Excel allows). Usually a quote mark (") is missing in the CSV file. Check the cell and upload again.',
    },
    "ingest.too_many_rows": {
        "nl": "Het bestand heeft meer dan {limit} rijen, meer dan Excel toestaat. Verdeel de gegevens over meerdere bestanden en upload die een voor een.",
        "en": "The file has more than {limit} rows, more than Excel allows. Split the data over several files and upload them one by one.",
    },
    # sheet structure
    "ingest.bsn": {
        "nl": "deze cel bevat een nummer dat een BSN kan zijn (9 cijfers die de elfproef halen). BSN's mogen niet worden geüpload: verwijder ze. Is het een cliëntnummer, zet er dan letters voor (bijvoorbeeld K-104).",
        "en": "this cell holds a number that could be a BSN (9 digits passing the eleven test). BSNs must not be uploaded: remove them. If it is a client number, put letters in front (for example K-104).",
    },
    "ingest.formula_no_value": {
        "nl": "deze cel bevat een formule zonder opgeslagen uitkomst, dus de waarde is onbekend. Open het bestand in Excel en sla het opnieuw op, of vervang de formules door waarden (Kopiëren, Plakken speciaal → Waarden).",
        "en": "this cell holds a formula without a saved result, so its value is unknown. Open the file in Excel and save it again, or replace the formulas by values (Copy, Paste special → Values).",
    },
    "ingest.merged_cells": {
        "nl": "de cellen {cells} zijn samengevoegd; dan staat de waarde maar in één ervan. Hef het samenvoegen op en vul elke cel zelf in.",
        "en": "the cells {cells} are merged, so the value is in only one of them. Unmerge them and fill in every cell.",
    },
    "ingest.hidden_rows": {
        "nl": "Dit blad heeft {count} verborgen rijen (bijvoorbeeld {rows}). Verborgen rijen worden ook geïmporteerd; maak ze zichtbaar en controleer ze, of verwijder ze als ze niet mee moeten.",
        "en": "This sheet has {count} hidden rows (for example {rows}). Hidden rows are imported too; unhide and check them, or delete them if they should not be included.",
    },
    "ingest.hidden_columns": {
        "nl": "Dit blad heeft verborgen kolommen ({columns}). Ze worden gelezen zoals zichtbare kolommen; maak ze zichtbaar en controleer ze.",
        "en": "This sheet has hidden columns ({columns}). They are read like visible columns; unhide and check them.",
    },
    "ingest.empty_rows": {
        "nl": "Lege rijen overgeslagen: {count} (bijvoorbeeld rij {rows}).",
        "en": "Empty rows skipped: {count} (for example row {rows}).",
    },
    "ingest.personal_dropped": {
        "nl": "deze kolom lijkt persoonsgegevens te bevatten (naam, adres, postcode, geboortedatum, telefoon, e-mail of BSN). Die worden niet opgeslagen: de kolom is overgeslagen. Laat haar voortaan weg.",
        "en": "this column seems to hold personal data (name, address, postcode, birth date, phone, e-mail or BSN). These are never stored: the column was skipped. Leave it out in future.",
    },
    "ingest.column_ignored": {
        "nl": "deze kolom wordt niet gebruikt. Hoort ze erbij, kies dan bij 'Kolommen koppelen' welk gegeven erin staat.",
        "en": "this column is not used. If it should be, choose under 'Map columns' which field it holds.",
    },
    "ingest.mapping_bad_target": {
        "nl": "De koppeling van kolom '{header}' naar '{target}' bestaat niet. Kies een van de velden uit de lijst.",
        "en": "The mapping of column '{header}' to '{target}' does not exist. Choose one of the fields in the list.",
    },
    "ingest.column_missing": {
        "nl": "De kolom '{field}' ontbreekt. Voeg hem toe (zie het sjabloon) of koppel een bestaande kolom eraan bij 'Kolommen koppelen'.",
        "en": "The column '{field}' is missing. Add it (see the template) or map an existing column to it under 'Map columns'.",
    },
    "ingest.field_programme": {"nl": "programma", "en": "programme"},
    # participant rows
    "ingest.client_missing": {
        "nl": "het cliëntnummer ontbreekt. Vul het nummer in waarmee uw organisatie deze cliënt kent (geen naam of BSN).",
        "en": "the client number is missing. Fill in the number your organisation uses for this client (not a name or BSN).",
    },
    "ingest.client_is_date": {
        "nl": "het cliëntnummer is een datum, misschien een geboortedatum. Geboortedatums mogen niet worden geüpload; gebruik het cliëntnummer.",
        "en": "the client number is a date, perhaps a birth date. Birth dates must not be uploaded; use the client number.",
    },
    "ingest.client_names": {
        "nl": "deze kolom lijkt namen te bevatten. Namen mogen niet als cliëntnummer dienen en worden niet opgeslagen; gebruik het cliëntnummer uit uw registratie.",
        "en": "this column seems to hold names. Names cannot serve as client reference and are never stored; use the client number from your records.",
    },
    "ingest.programme_unknown": {
        "nl": "'{value}' is geen programma van uw organisatie. Kies uit: {known}, of maak het programma eerst aan.",
        "en": "'{value}' is not a programme of your organisation. Choose from: {known}, or create the programme first.",
    },
    "ingest.programme_unknown_default": {
        "nl": "Het gekozen programma '{name}' bestaat niet. Kies uit: {known}.",
        "en": "The chosen programme '{name}' does not exist. Choose from: {known}.",
    },
    "ingest.group_choose": {
        "nl": "Er is geen kolom 'groep'. Geef aan wie er in het bestand staan: alleen deelnemers, alleen een vergelijkingsgroep (wachtlijst), of koppel de kolom die de groep aangeeft.",
        "en": "There is no 'group' column. Say who is in the file: only participants, only a comparison group (waiting list), or map the column that holds the group.",
    },
    "ingest.programme_choose": {
        "nl": "Er is geen kolom 'programma'. Kies het programma waar deze metingen bij horen.",
        "en": "There is no 'programme' column. Choose the programme these measurements belong to.",
    },
    "ingest.programme_choose_blank": {
        "nl": "Niet elke rij noemt een programma. Kies het programma voor de lege cellen, of vul ze in.",
        "en": "Not every row names a programme. Choose the programme for the empty cells, or fill them in.",
    },
    "ingest.programme_matched": {
        "nl": "'{value}' is gelezen als programma '{name}'.",
        "en": "'{value}' was read as programme '{name}'.",
    },
    "ingest.group_missing": {
        "nl": "de groep ontbreekt. Vul 'deelnemer' of 'vergelijkingsgroep' in.",
        "en": "the group is missing. Fill in 'treated' or 'comparison'.",
    },
    "ingest.group_bad": {
        "nl": "'{value}' is geen groep. Vul 'deelnemer' of 'vergelijkingsgroep' (of 'wachtlijst') in.",
        "en": "'{value}' is not a group. Fill in 'treated' or 'comparison' (or 'waiting list').",
    },
    "ingest.wijk_bad_code": {
        "nl": "'{value}' lijkt een CBS-code maar klopt niet. Gebruik WK + 6 cijfers (bijv. WK036307), BU + 8 cijfers, of de naam van de wijk.",
        "en": "'{value}' looks like a CBS code but is not valid. Use WK + 6 digits (e.g. WK036307), BU + 8 digits, or the name of the wijk.",
    },
    "ingest.date_invalid": {
        "nl": "'{value}' is geen geldige datum. Gebruik dd-mm-jjjj, bijvoorbeeld 28-02-2024.",
        "en": "'{value}' is not a valid date. Use dd-mm-yyyy, for example 28-02-2024.",
    },
    "ingest.date_serial": {
        "nl": "{count} datums in deze kolom zijn als getal opgeslagen (een Excel-datumnummer) en als datum gelezen. Controleer ze en geef de kolom de opmaak 'Datum'.",
        "en": "{count} dates in this column are stored as numbers (Excel date serials) and were read as dates. Check them and give the column the 'Date' format.",
    },
    "ingest.date_text": {
        "nl": "{count} datums in deze kolom zijn als tekst opgeslagen en gelezen als dag-maand-jaar. Controleer ze en geef de kolom de opmaak 'Datum'.",
        "en": "{count} dates in this column are stored as text and were read as day-month-year. Check them and give the column the 'Date' format.",
    },
    "ingest.date_future": {
        "nl": "de datum '{value}' ligt in de toekomst. Controleer de datum (dd-mm-jjjj).",
        "en": "the date '{value}' is in the future. Check the date (dd-mm-yyyy).",
    },
    "ingest.date_before_start": {
        "nl": "de nameting '{value}' ligt vóór de start van het programma. Controleer de datum of het meetmoment.",
        "en": "the follow-up date '{value}' is before the programme started. Check the date or the wave.",
    },
    "ingest.date_before_start_intake": {
        "nl": "de voormeting '{value}' ligt vóór de start van het programma. Klopt dat?",
        "en": "the baseline date '{value}' is before the programme started. Is that right?",
    },
    "ingest.wave_bad": {
        "nl": "'{value}' is geen meetmoment. Gebruik 'voormeting', 'nameting', 'nameting 2' (of 0, 1, 2).",
        "en": "'{value}' is not a wave. Use 'baseline', 'follow-up', 'follow-up 2' (or 0, 1, 2).",
    },
    "ingest.wave_missing": {
        "nl": "het meetmoment ontbreekt. Vul 'voormeting' of 'nameting' in.",
        "en": "the wave is missing. Fill in 'baseline' or 'follow-up'.",
    },
    "ingest.date_or_wave_missing": {
        "nl": "datum en meetmoment ontbreken allebei. Vul minstens de datum in.",
        "en": "both the date and the wave are missing. Fill in at least the date.",
    },
    "ingest.wave_from_date": {
        "nl": "Er is geen kolom 'meetmoment': de eerste datum per cliënt en instrument is als voormeting gelezen, de volgende als nameting 1, 2, ...",
        "en": "There is no 'wave' column: the first date per client and instrument was read as the baseline, later dates as follow-up 1, 2, ...",
    },
    "ingest.rater_bad": {
        "nl": "'{value}' is onbekend. Vul 'professional' of 'zelf' in, of laat de cel leeg.",
        "en": "'{value}' is unknown. Fill in 'professional' or 'self', or leave the cell empty.",
    },
    "ingest.instrument_missing": {
        "nl": "het instrument ontbreekt. Vul de code in, bijvoorbeeld zrm.",
        "en": "the instrument is missing. Fill in its code, for example zrm.",
    },
    "ingest.instrument_unknown": {
        "nl": "'{value}' is geen bekend instrument. Kies uit: {known}.",
        "en": "'{value}' is not a known instrument. Choose from: {known}.",
    },
    "ingest.instrument_column_missing": {
        "nl": "Er is geen kolom 'instrument'. Voeg die toe met per rij de code van het instrument (bijvoorbeeld zrm).",
        "en": "There is no 'instrument' column. Add one with the instrument code on every row (for example zrm).",
    },
    "ingest.instrument_unknown_column": {
        "nl": "instrument '{instrument}' bestaat niet (meer) bij uw organisatie. Koppel de kolom opnieuw.",
        "en": "instrument '{instrument}' does not exist (any more) in your organisation. Map the column again.",
    },
    "ingest.instrument_ambiguous": {
        "nl": "het domein '{domain}' hoort bij meer dan één instrument. Zet de code in de kop (bijvoorbeeld '{domain} (djg6)') of voeg een kolom 'instrument' toe.",
        "en": "the domain '{domain}' belongs to more than one instrument. Put the code in the header (for example '{domain} (djg6)') or add an 'instrument' column.",
    },
    "ingest.domain_unknown": {
        "nl": "'{value}' is geen domein van {instrument}. Kies uit: {known}.",
        "en": "'{value}' is not a domain of {instrument}. Choose from: {known}.",
    },
    "ingest.domain_column_missing": {
        "nl": "Er is geen kolom 'domein', en een instrument heeft meerdere domeinen. Voeg de kolom toe.",
        "en": "There is no 'domain' column, and an instrument has several domains. Add the column.",
    },
    "ingest.value_not_number": {
        "nl": "'{value}' is geen getal. Vul een score in, bijvoorbeeld 3 of 3,5.",
        "en": "'{value}' is not a number. Fill in a score, for example 3 or 3.5.",
    },
    "ingest.value_not_yes_no": {
        "nl": "'{value}' is geen ja of nee. Vul ja/nee of 1/0 in.",
        "en": "'{value}' is not yes or no. Fill in yes/no or 1/0.",
    },
    "ingest.value_missing": {
        "nl": "de score is leeg; deze rij is overgeslagen.",
        "en": "the score is empty; this row was skipped.",
    },
    "ingest.value_out_of_range": {
        "nl": "{value} ligt buiten de schaal van {instrument} ({low} tot en met {high}). Controleer de score.",
        "en": "{value} is outside the scale of {instrument} ({low} to {high}). Check the score.",
    },
    "ingest.value_not_whole": {
        "nl": "{value} is geen geheel getal; {instrument} kent alleen hele scores van {low} tot en met {high}.",
        "en": "{value} is not a whole number; {instrument} only has whole scores from {low} to {high}.",
    },
    "ingest.duplicate": {
        "nl": "deze meting ({instrument}, {domain}, meetmoment {wave}) staat er al in {first}. Verwijder een van beide of corrigeer het meetmoment.",
        "en": "this measurement ({instrument}, {domain}, wave {wave}) is already in {first}. Delete one of them or correct the wave.",
    },
    "ingest.both_groups": {
        "nl": "deze cliënt staat in een andere groep dan in {first}. Een cliënt hoort in één groep; corrigeer de groep.",
        "en": "this client is in a different group than in {first}. A client belongs to one group; correct the group.",
    },
    # area rows
    "ingest.area_code_bad": {
        "nl": "'{value}' is geen geldige CBS-gebiedscode. Gebruik GM + 4 cijfers, WK + 6 of BU + 8 (bijv. WK036307).",
        "en": "'{value}' is not a valid CBS area code. Use GM + 4 digits, WK + 6 or BU + 8 (e.g. WK036307).",
    },
    "ingest.period_bad": {
        "nl": "'{value}' is geen periode. Gebruik een jaar (2021) of jaar en maand (202103 of 2021-03).",
        "en": "'{value}' is not a period. Use a year (2021) or year and month (202103 or 2021-03).",
    },
    "ingest.period_missing": {
        "nl": "de periode ontbreekt. Vul een jaar (2021) of jaar en maand (2021-03) in.",
        "en": "the period is missing. Fill in a year (2021) or year and month (2021-03).",
    },
    "ingest.first_treated_bad": {
        "nl": "'{value}' is geen periode. Vul de eerste periode met de interventie in (2021 of 2021-03), of laat de cel leeg als het gebied de interventie nooit kreeg.",
        "en": "'{value}' is not a period. Fill in the first period with the intervention (2021 or 2021-03), or leave the cell empty if the area never got it.",
    },
    "ingest.period_mixed": {
        "nl": "'{value}' gebruikt een andere eenheid (jaar of maand) dan de rest van het bestand. Gebruik overal jaren of overal jaar en maand.",
        "en": "'{value}' uses a different unit (year or month) than the rest of the file. Use years everywhere, or year and month everywhere.",
    },
    "ingest.indicator_unknown": {
        "nl": "'{value}' is geen bekende indicator. Kies uit: {known}, of maak de indicator eerst aan.",
        "en": "'{value}' is not a known indicator. Choose from: {known}, or create the indicator first.",
    },
    "ingest.area_duplicate": {
        "nl": "dit gebied heeft voor deze periode en indicator al een waarde. Verwijder een van beide.",
        "en": "this area already has a value for this period and indicator. Delete one of them.",
    },
    "ingest.first_treated_varies": {
        "nl": "dit gebied heeft op verschillende rijen een andere eerste periode met interventie. Gebruik op elke rij van het gebied dezelfde.",
        "en": "this area has a different first treated period on different rows. Use the same one on every row of the area.",
    },
    # problems workbook
    "ingest.problems_sheet": {"nl": "Problemen", "en": "Problems"},
    "ingest.col_sheet": {"nl": "Blad", "en": "Sheet"},
    "ingest.col_cell": {"nl": "Cel", "en": "Cell"},
    "ingest.col_severity": {"nl": "Ernst", "en": "Severity"},
    "ingest.col_message": {"nl": "Melding", "en": "Message"},
    "ingest.severity_error": {"nl": "fout", "en": "error"},
    "ingest.severity_warning": {"nl": "waarschuwing", "en": "warning"},
    # templates
    "ingest.tpl_data_sheet": {"nl": "Gegevens", "en": "Data"},
    "ingest.tpl_instructions_sheet": {"nl": "Instructies", "en": "Instructions"},
    "ingest.tpl_lists_sheet": {"nl": "Lijsten", "en": "Lists"},
    "ingest.tpl_title": {
        "nl": "Wijkimpact - invulsjabloon",
        "en": "Wijkimpact - data template",
    },
    "ingest.tpl_intro": {
        "nl": "Vul op het blad 'Gegevens' één rij per meting in. Laat de kopjes in rij 1 staan; de volgorde van de kolommen mag anders. Upload het bestand daarna op de pagina Importeren (of met: impact import). U krijgt per cel te zien wat er niet klopt; er wordt pas iets opgeslagen als alles klopt.",
        "en": "On the 'Data' sheet, fill in one row per measurement. Keep the headers in row 1; the order of the columns may change. Then upload the file on the Import page (or with: impact import). You will see, cell by cell, what is wrong; nothing is saved until everything is right.",
    },
    "ingest.tpl_participant": {
        "nl": "cliëntnummer: het nummer waarmee uw organisatie de cliënt kent (wordt bij het importeren onherkenbaar gemaakt). groep: deelnemer of vergelijkingsgroep (bijvoorbeeld de wachtlijst). wijk: CBS-code (WK036307) of naam. meetmoment: voormeting, nameting, nameting 2, ... datum: de dag van de meting. beoordeeld door: professional of zelf (mag leeg).",
        "en": "client id: the number your organisation uses for the client (made unrecognisable on import). group: treated or comparison (for example the waiting list). wijk: CBS code (WK036307) or name. wave: baseline, follow-up, follow-up 2, ... date: the day of the measurement. rated by: professional or self (may be empty).",
    },
    "ingest.tpl_long": {
        "nl": "instrument: de code uit de lijst (zrm, pg, djg6, djg11, swemwbs, of een eigen instrument van uw organisatie). domein: het domein of de dimensie (bij één domein mag het leeg). score: het getal binnen de schaal van het instrument; bij ja/nee-uitkomsten ja of nee.",
        "en": "instrument: the code from the list (zrm, pg, djg6, djg11, swemwbs, or one of your organisation's own instruments). domain: the domain or dimension (may be empty when there is only one). score: the number within the instrument's scale; for yes/no outcomes yes or no.",
    },
    "ingest.tpl_wide": {
        "nl": "Dit sjabloon is voor instrument {instrument}: één rij per cliënt per meetmoment, één kolom per domein. Laat een domein leeg als het niet gemeten is.",
        "en": "This template is for instrument {instrument}: one row per client per wave, one column per domain. Leave a domain empty if it was not measured.",
    },
    "ingest.tpl_area": {
        "nl": "Eén rij per gebied per periode per indicator. gebiedscode: CBS-code (GM0363, WK036307 of BU03630704). periode: jaar (2021) of jaar en maand (2021-03). indicator: de code van de indicator (bijvoorbeeld cohesie of een eigen indicator). waarde: het getal. eerste periode interventie: de eerste periode waarin het gebied de interventie kreeg; leeg als het die nooit kreeg.",
        "en": "One row per area per period per indicator. area code: CBS code (GM0363, WK036307 or BU03630704). period: year (2021) or year and month (2021-03). indicator: the indicator code (for example cohesie or one of your own). value: the number. first treated: the first period in which the area got the intervention; empty if it never did.",
    },
    "ingest.tpl_example": {
        "nl": "Rij 2 is een voorbeeld (met VOORBEELD) en wordt nooit geïmporteerd. U mag hem laten staan of verwijderen.",
        "en": "Row 2 is an example (marked EXAMPLE) and is never imported. You may keep or delete it.",
    },
    "ingest.tpl_privacy": {
        "nl": "Zet geen namen, adressen, postcodes, geboortedatums, telefoonnummers of BSN's in het bestand. Een BSN waar dan ook in het bestand houdt de hele import tegen.",
        "en": "Do not put names, addresses, postcodes, birth dates, phone numbers or BSNs in the file. A BSN anywhere in the file stops the whole import.",
    },
    "ingest.tpl_dates": {
        "nl": "Datums als dd-mm-jjjj (bijvoorbeeld 15-01-2024). Decimalen met een komma of een punt (3,5 of 3.5).",
        "en": "Dates as dd-mm-yyyy (for example 15-01-2024). Decimals with a comma or a point (3,5 or 3.5).",
    },
    "ingest.tpl_dropdown_title": {
        "nl": "Kies uit de lijst",
        "en": "Choose from the list",
    },
    "ingest.tpl_dropdown_message": {
        "nl": "Kies een waarde uit de lijst.",
        "en": "Choose a value from the list.",
    },
    "ingest.tpl_score_title": {
        "nl": "Score buiten de schaal",
        "en": "Score out of range",
    },
    "ingest.tpl_score_message": {
        "nl": "Een score van {instrument} ligt tussen {low} en {high}.",
        "en": "A score of {instrument} lies between {low} and {high}.",
    },
}
