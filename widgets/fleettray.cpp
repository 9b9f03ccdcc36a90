#include "fleettray.h"

#include <QGuiApplication>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QSystemTrayIcon>

namespace Topograph::Gui {

FleetTray::FleetTray(QObject *parent)
    : QObject(parent)
{
    m_icon = iconFor(m_health);
    m_toolTip = tr("Topograph: no snapshot yet");
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(m_icon, this);
        m_tray->setToolTip(m_toolTip);
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
            if (r == QSystemTrayIcon::Trigger || r == QSystemTrayIcon::DoubleClick)
                emit activated();
        });
        m_tray->show();
    }
}

FleetTray::~FleetTray() = default;

bool FleetTray::trayAvailable() const
{
    return m_tray != nullptr;
}

void FleetTray::setMenu(QMenu *menu)
{
    if (m_tray)
        m_tray->setContextMenu(menu);
}

QIcon FleetTray::iconFor(Health health)
{
    // Drawn, not loaded: a disc in the state's colour with a glyph that says the same thing.
    QColor colour(0x75, 0x75, 0x75);
    QString glyph = QStringLiteral("?");
    switch (health) {
    case Health::Healthy: colour = QColor(0x2e, 0x7d, 0x32), glyph = QStringLiteral("\u2713"); break;
    case Health::Warning: colour = QColor(0xb4, 0x53, 0x09), glyph = QStringLiteral("!"); break;
    case Health::Failing: colour = QColor(0xc6, 0x28, 0x28), glyph = QStringLiteral("\u2716"); break;
    case Health::Unknown: break;
    }
    QIcon icon;
    for (int size : {16, 22, 32, 64}) {
        QPixmap pm(size, size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(colour);
        p.setPen(QPen(Qt::white, qMax(1, size / 16)));
        p.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1));
        QFont f = p.font();
        f.setBold(true);
        f.setPixelSize(int(size * 0.62));
        p.setFont(f);
        p.setPen(Qt::white);
        p.drawText(QRect(0, 0, size, size), Qt::AlignCenter, glyph);
        p.end();
        icon.addPixmap(pm);
    }
    return icon;
}

void FleetTray::apply(const QList<Analysis> &analyses, int instances, int clusters)
{
    int serious = 0, warnings = 0;
    QStringList worst;
    for (const Analysis &a : analyses) {
        if (a.severity >= Severity::Error) {
            ++serious;
            if (worst.size() < 3)
                worst << QStringLiteral("%1 %2").arg(a.codeName(), a.instance.toString());
        } else if (a.severity == Severity::Warning) {
            ++warnings;
        }
    }
    m_health = serious ? Health::Failing : warnings ? Health::Warning : Health::Healthy;
    m_toolTip = tr("Topograph: %1 instances in %2 clusters").arg(instances).arg(clusters);
    if (serious)
        m_toolTip += QLatin1Char('\n') + tr("%n serious problem(s): ", nullptr, serious) + worst.join(QStringLiteral(", "));
    else if (warnings)
        m_toolTip += QLatin1Char('\n') + tr("%n warning(s)", nullptr, warnings);
    else
        m_toolTip += QLatin1Char('\n') + tr("all healthy");
    m_icon = iconFor(m_health);
    if (m_tray) {
        m_tray->setIcon(m_icon);
        m_tray->setToolTip(m_toolTip);
    }
}

void FleetTray::notifyDetected(const Analysis &analysis)
{
    if (analysis.severity < Severity::Error)
        return; // warnings are in the window; a notification is for what needs a person now
    notify(tr("%1 on %2").arg(analysis.codeName(), analysis.instance.toString()),
           tr("Cluster %1: %2").arg(analysis.cluster, analysis.explanation), true);
}

void FleetTray::notifyRecovery(const QString &cluster, const RecoveryOutcome &outcome)
{
    notify(outcome.success ? tr("Recovery of %1 succeeded").arg(cluster) : tr("Recovery of %1 FAILED").arg(cluster),
           outcome.message, !outcome.success);
}

void FleetTray::notify(const QString &title, const QString &text, bool critical)
{
    m_lastTitle = title;
    m_lastText = text;
    if (m_tray && m_notify)
        m_tray->showMessage(title, text, critical ? QSystemTrayIcon::Critical : QSystemTrayIcon::Information, 10000);
}

} // namespace Topograph::Gui
