#pragma once

#include <cstddef>

// The PostgreSQL text of the schema's migrations: the same tables, indexes and counters as the
// SQLite migrations (Schema.cpp, ListSchema.cpp), in PostgreSQL's terms. Migration N here is
// migration N there, so that both stores report the same schema version.
namespace PgSchema {

struct Migration
{
    const char *const *statements;
    size_t count;
};

const Migration *migrations();
size_t migrationCount();

} // namespace PgSchema
