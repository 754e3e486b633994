#include "server_tls.hpp"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>

namespace parktwin::app {

namespace {
bool isUntrusted(QSslError::SslError error) {
  switch (error) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
    case QSslError::CertificateRejected:
      return true;
    default:
      return false;
  }
}
}  // namespace

std::optional<ServerTrust> serverTrust(const QString& caFile, QString* problem) {
  ServerTrust trust;
  trust.caFile = caFile.trimmed();
  if (trust.caFile.isEmpty()) return trust;
  QFile file(trust.caFile);
  if (!file.open(QIODevice::ReadOnly)) {
    *problem = QCoreApplication::translate("ServerTls", "CA file %1: %2").arg(trust.caFile, file.errorString());
    return std::nullopt;
  }
  const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
  if (certificates.isEmpty()) {
    *problem = QCoreApplication::translate("ServerTls", "CA file %1: no certificate in it (expected PEM, -----BEGIN CERTIFICATE-----)").arg(trust.caFile);
    return std::nullopt;
  }
  trust.configuration.addCaCertificates(certificates);
  return trust;
}

QString tlsFailure(const QList<QSslError>& errors, const QString& caFile, const QString& fallback) {
  for (const QSslError& error : errors) {
    if (!isUntrusted(error.error())) continue;
    if (caFile.isEmpty()) {
      return QCoreApplication::translate("ServerTls", "the server's certificate is not trusted (%1). Give the file of the certificate authority that "
                "signed it as the CA file, or add it to this computer's trusted certificates")
          .arg(error.errorString());
    }
    return QCoreApplication::translate("ServerTls", "the server's certificate is not trusted (%1): it is not signed by the CA file %2")
        .arg(error.errorString(), caFile);
  }
  if (!errors.isEmpty()) return QCoreApplication::translate("ServerTls", "the server's certificate was refused: %1").arg(errors.first().errorString());
  return fallback;
}

}  // namespace parktwin::app
