#pragma once

#include <QString>

class QSettings;

// Where a console's store is, as the connection dialog edits it: a SQLite file, or a PostgreSQL
// database (host, port, database, user, optional Unix socket directory). Holds no password:
// url(password) builds the --db value with one, fromUrl() drops it.
struct StoreLocation
{
    enum class Kind { Sqlite, Postgres };

    Kind kind = Kind::Sqlite;
    QString file; // SQLite
    QString host = QStringLiteral("localhost");
    int port = 5432;
    QString database;
    QString user;
    QString socketDir; // when set, libpq connects through the socket in this directory

    bool isPostgres() const { return kind == Kind::Postgres; }
    // The store location Database::open takes: the file, or
    // postgresql://user:password@host:port/db[?host=socketDir] with every part percent-encoded.
    QString url(const QString &password = {}) const;
    // The location without its password, readable (status bar, recent stores, keyring entry).
    QString displayName() const;
    // Empty when the location can be opened; otherwise what is missing, in plain words.
    QString problem() const;

    static StoreLocation fromUrl(const QString &location);
    static QString passwordOf(const QString &location);

    // Kept in QSettings (current group) without any password.
    void save(QSettings &settings) const;
    static StoreLocation load(QSettings &settings);

    bool operator==(const StoreLocation &other) const { return url() == other.url(); }
};
