"""CAMEO codebook (Goldstein, QuadClass) and PLOVER ontology (types, modes, contexts, crosswalk).

>>> from thucydides.ontology import cameo_code
>>> cameo_code("043").plover, cameo_code("043").quad_class
('CONSULT', 1)

The data are project-written CSV tables in ``ontology/data`` (see docs/ontology.md).
"""

from thucydides.ontology.codebook import (
    DATA_FILES,
    QUAD_CATEGORIES,
    UNMAPPED_ROOTS,
    CameoCode,
    CameoRoot,
    Ontology,
    PloverMode,
    PloverType,
    cameo_code,
    cameo_codes,
    cameo_for_plover,
    cameo_roots,
    data_directory,
    default_ontology,
    load_ontology,
    plover_contexts,
    plover_modes,
    plover_type,
    plover_types,
)

__all__ = [
    "DATA_FILES",
    "QUAD_CATEGORIES",
    "UNMAPPED_ROOTS",
    "CameoCode",
    "CameoRoot",
    "Ontology",
    "PloverMode",
    "PloverType",
    "cameo_code",
    "cameo_codes",
    "cameo_for_plover",
    "cameo_roots",
    "data_directory",
    "default_ontology",
    "load_ontology",
    "plover_contexts",
    "plover_modes",
    "plover_type",
    "plover_types",
]
