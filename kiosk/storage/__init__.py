"""The database: engine, stored records, migrations, and the change notices other machines hear."""
