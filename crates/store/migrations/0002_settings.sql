-- Application settings (assessor, page size, the logo for reports) as key and value.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value BLOB NOT NULL
) STRICT;
