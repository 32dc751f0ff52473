"""Writers for event records: JSON Lines, CSV and Parquet, chosen by the file suffix."""

from thucydides.formats.writers import FORMATS, RecordWriter, open_writer

__all__ = ["FORMATS", "RecordWriter", "open_writer"]
