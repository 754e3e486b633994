#pragma once
// Which certificates the window trusts for an https:// and wss:// parktwin-server: the system's
// store (what Qt's default configuration holds: the CAs this computer trusts, e.g. a company
// CA installed by IT) plus, when the user gives one, a CA file. The file is there because a
// park's server usually has a certificate its administrator made (self-signed, or from a park
// CA): trusting it for this window alone needs no root rights and trusts nothing else. Kept apart
// from ServerLink so the link only asks for a configuration and a message.
#include <QList>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>
#include <optional>

namespace parktwin::app {

struct ServerTrust {
  QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
  QString caFile;  // empty: the system's store only
};

// The system's store plus the certificates in `caFile` (PEM). A file that cannot be read or holds
// no certificate is refused with the reason (in the window's language), never ignored.
std::optional<ServerTrust> serverTrust(const QString& caFile, QString* problem);

// Why the TLS handshake failed, in words a user can act on: for an untrusted certificate, what to
// trust (the CA file, or the system's store); otherwise the first error as Qt gives it.
QString tlsFailure(const QList<QSslError>& errors, const QString& caFile, const QString& fallback);

}  // namespace parktwin::app
