"""Reading export files as they come: encodings, separators, headers and messy numbers."""

from __future__ import annotations

import codecs
import csv
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

NOT_AVAILABLE = {"", "-", "–", "—", "undefined", "n/a", "na", "null", "none", "--"}
# Spaces used as thousands separators: no-break, thin, narrow no-break, figure, plain
THOUSANDS_SPACES = "\u00a0\u2009\u202f\u2007 '\u2019"
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'"})
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
DELIMITERS = (",", ";", "\t")
_WHOLE_FLOAT = re.compile(r"\d+\.0+")


class ValueProblem(ValueError):
    """A cell that cannot be read; the caller adds file, row and column."""


class LimitProblem(ValueProblem):
    """A table over one of the import limits; the caller names the file and the setting."""

    def __init__(self, found: str, setting: str, line: int) -> None:
        super().__init__(found)
        self.found, self.setting, self.line = found, setting, line


def decode_utf16(data: bytes, encoding: str) -> str:
    """UTF-16 text; a truncated file (an odd number of bytes) is a ValueProblem."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ValueProblem(
            f"the file looks like UTF-16 but byte {exc.start} cannot be read "
            f"({exc.reason}): it was cut short or is not text"
        ) from None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """The text of an export and the encoding used: BOMs first, then UTF-8, else Windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_utf16(data, "utf-16"), "utf-16"
    if len(data) >= 4 and data[1] == 0 and data[3] == 0 and data[0] != 0:
        return decode_utf16(data, "utf-16-le"), "utf-16-le"
    if len(data) >= 4 and data[0] == 0 and data[2] == 0 and data[1] != 0:
        return decode_utf16(data, "utf-16-be"), "utf-16-be"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Excel on Windows saves "CSV" in the ANSI code page; the five bytes cp1252 leaves
    # undefined are kept as latin-1 so that no file is refused for one odd byte
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "cp1252"


def sniff_delimiter(text: str) -> str:
    """The separator that splits the first lines into the most consistent number of cells."""
    lines = [line for line in itertools.islice(iter_lines(text), 40) if line.strip()]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        try:
            widths = [len(cells) for cells in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:  # a cell over the limit: split_rows reports it with its line
            continue
        widths = [w for w in widths if w > 1]
        if not widths:
            continue
        width, count = Counter(widths).most_common(1)[0]
        score = (count, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def iter_lines(text: str) -> Iterator[str]:
    """The lines of a text with their endings, one at a time: a list of them would be a
    second copy of the file in memory (a StringIO a fourth: it stores 4 bytes a character).
    Only \r\n, \r and \n end a line, never \u2028 or \f inside a caption."""
    return (match.group() for match in _LINE.finditer(text))


def split_rows(
    text: str,
    delimiter: str,
    max_rows: int = 10**9,
    max_columns: int = 10**9,
    max_cells: int = 10**12,
) -> list[tuple[int, list[str]]]:
    """Every record with the line it starts on; bad quoting is a ValueProblem with its line,
    a table over the limits (rows, columns, cells, cell length) a LimitProblem."""
    reader = csv.reader(iter_lines(text), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    start, count = 1, 0
    try:
        for cells in reader:
            count += len(cells)
            if len(cells) > max_columns:
                raise LimitProblem(f"line {start} has {len(cells)} cells", "max_columns", start)
            if count > max_cells:
                raise LimitProblem(f"the file has more than {max_cells} cells", "max_cells", start)
            rows.append((start, cells))
            start = reader.line_num + 1
            if len(rows) > max_rows:
                raise LimitProblem(f"the file has more than {max_rows} rows", "max_rows", start)
    except csv.Error as exc:
        if "field limit" in str(exc):
            raise LimitProblem(
                f"line {start} holds a cell longer than {csv.field_size_limit() // 1024} KB",
                "max_cell_kb",
                start,
            ) from None
        raise ValueProblem(f"line {reader.line_num}: the file is not valid CSV ({exc})") from None
    return rows


def normalize_header(text: str) -> str:
    """A header as compared: no soft hyphens or BOMs, straight apostrophes, one space, lower."""
    text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text))
    text = text.translate(_APOSTROPHES)
    return " ".join(text.split()).lower()


def is_missing(text: str) -> bool:
    return text.strip().lower() in NOT_AVAILABLE


def detect_decimal(cells: list[str], delimiter: str) -> str:
    """The decimal separator of a file, from cells that can only be read one way."""
    comma = dot = 0
    for cell in cells:
        cell = cell.strip()
        if re.fullmatch(r"-?\d{1,3}(\.\d{3})+,\d+|-?\d+,(\d{1,2}|\d{4,})", cell):
            comma += 1
        elif re.fullmatch(r"-?\d{1,3}(,\d{3})+\.\d+|-?\d+\.(\d{1,2}|\d{4,})", cell):
            dot += 1
    if comma != dot:
        return "," if comma > dot else "."
    return "," if delimiter == ";" else "."


def parse_number(text: str, decimal: str = ".") -> float | None:
    """A number written by a spreadsheet in any locale; None when not available."""
    if is_missing(text):
        return None
    cell = text.strip()
    for space in THOUSANDS_SPACES:
        cell = cell.replace(space, "")
    cell = cell.rstrip("%").strip()
    thousands = "." if decimal == "," else ","
    if re.fullmatch(
        r"[-+]?\d{1,3}(" + re.escape(thousands) + r"\d{3})+(" + re.escape(decimal) + r"\d+)?", cell
    ):
        cell = cell.replace(thousands, "")
    cell = cell.replace(decimal, ".")
    if not re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?", cell):
        raise ValueProblem(f"`{text}` is not a number")
    return float(cell)


def parse_count(text: str, decimal: str = ".") -> int | None:
    """A count; `12.0` (exports write counts as floats) is 12, `12.5` is an error."""
    if text.isdigit():  # the common case, read without the locale guesswork
        return int(text)
    if _WHOLE_FLOAT.fullmatch(text):
        return int(text.split(".")[0])
    value = parse_number(text, decimal)
    if value is None:
        return None
    if value != int(value):
        raise ValueProblem(f"`{text}` is not a whole number")
    return int(value)


def parse_money(text: str, decimal: str = ".") -> float | None:
    cleaned = re.sub(r"[€$£¥]|\b(EUR|USD|GBP)\b", "", text)
    return parse_number(cleaned, decimal)


def parse_id(text: str) -> str | None:
    """A post id kept as text: ids are longer than a float's 15 digits, so a number in
    scientific notation means a spreadsheet already destroyed it."""
    cell = text.strip()
    if cell.isdigit():  # the common case: no regex needed to keep it as it is
        return cell
    if is_missing(cell):
        return None
    if re.fullmatch(r"\d+(\.\d+)?[eE]\+?\d+", cell):
        raise ValueProblem(
            f"`{text}` is an id rounded by a spreadsheet (scientific notation); "
            "export the file again and import it without opening it in Excel"
        )
    if re.fullmatch(r"\d+\.0+", cell):
        return cell.split(".")[0]
    return cell


def parse_duration(text: str) -> int | None:
    """`0:04:34`, `4:34` or `274` as seconds."""
    if is_missing(text):
        return None
    parts = text.strip().split(":")
    if not all(p.isdigit() for p in parts) or len(parts) > 3:
        raise ValueProblem(f"`{text}` is not a duration (h:mm:ss)")
    seconds = 0
    for part in parts:
        seconds = seconds * 60 + int(part)
    return seconds
