#include "autofailovertoggle.h"

#include "engine/policystore.h"
#include "failoverpreview.h"
#include "recovery/filters.h"
#include "store/store.h"

#include <QAction>
#include <QMessageBox>
#include <QPushButton>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>
#include <QWidget>

namespace Topograph::Gui {

namespace {

const char kAutoFailoverKey[] = "AutoFailover";

QPainterPath heartPath(const QRectF &r)
{
    const qreal x = r.left(), y = r.top(), w = r.width(), h = r.height();
    QPainterPath p;
    p.moveTo(x + w * 0.50, y + h * 0.95);
    p.cubicTo(x + w * 0.20, y + h * 0.72, x + w * 0.00, y + h * 0.52, x + w * 0.00, y + h * 0.31);
    p.cubicTo(x + w * 0.00, y + h * 0.14, x + w * 0.13, y + h * 0.03, x + w * 0.27, y + h * 0.03);
    p.cubicTo(x + w * 0.38, y + h * 0.03, x + w * 0.46, y + h * 0.09, x + w * 0.50, y + h * 0.18);
    p.cubicTo(x + w * 0.54, y + h * 0.09, x + w * 0.62, y + h * 0.03, x + w * 0.73, y + h * 0.03);
    p.cubicTo(x + w * 0.87, y + h * 0.03, x + w * 1.00, y + h * 0.14, x + w * 1.00, y + h * 0.31);
    p.cubicTo(x + w * 1.00, y + h * 0.52, x + w * 0.80, y + h * 0.72, x + w * 0.50, y + h * 0.95);
    p.closeSubpath();
    return p;
}

QPixmap heartPixmap(int size, bool lit)
{
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal pen = qMax(1.0, size / 12.0);
    const QRectF box = QRectF(0, 0, size, size).adjusted(pen, pen * 1.5, -pen, -pen * 0.5);
    const QPainterPath path = heartPath(box);
    if (lit) {
        p.setPen(QPen(QColor(0xb7, 0x1c, 0x1c), pen, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(QColor(0xe5, 0x39, 0x35));
    } else {
        p.setPen(QPen(QColor(0x75, 0x75, 0x75), pen, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
    }
    p.drawPath(path);
    return pm;
}

QString listOrNone(const QStringList &names)
{
    return names.isEmpty() ? AutoFailoverToggle::tr("none") : names.join(QStringLiteral(", "));
}

} // namespace

QIcon heartIcon()
{
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64}) {
        icon.addPixmap(heartPixmap(size, true), QIcon::Normal, QIcon::On);
        icon.addPixmap(heartPixmap(size, false), QIcon::Normal, QIcon::Off);
    }
    return icon;
}

AutoFailoverToggle::AutoFailoverToggle(QWidget *parent)
    : QObject(parent)
    , m_parentWidget(parent)
    , m_action(new QAction(heartIcon(), tr("Auto-failover"), this))
    , m_poll(new QTimer(this))
{
    setObjectName(QStringLiteral("AutoFailoverToggle"));
    m_action->setObjectName(QStringLiteral("AutoFailoverAction"));
    m_action->setCheckable(true);
    m_action->setEnabled(false);
    m_confirm = [this](const QString &title, const QString &text) {
        QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::NoButton, m_parentWidget);
        QAbstractButton *on = box.addButton(tr("Turn on"), QMessageBox::AcceptRole);
        box.setDefaultButton(box.addButton(QMessageBox::Cancel));
        box.exec();
        return box.clickedButton() == on;
    };
    connect(m_action, &QAction::triggered, this, [this](bool checked) {
        setOn(checked);
        updateAction(); // a refused or failed change puts the heart back where the store is
    });
    // The engine re-reads the policy every second and a CLI may flip it; the heart must not lie
    // for long about what the engine will do.
    m_poll->setInterval(2000);
    connect(m_poll, &QTimer::timeout, this, &AutoFailoverToggle::refresh);
    updateAction();
}

AutoFailoverToggle::~AutoFailoverToggle() = default;

bool AutoFailoverToggle::setStorePath(const QString &path, QString *error)
{
    QString why;
    auto store = Store::open(path, &why);
    if (!store) {
        setError(tr("Cannot open the store to read or change AutoFailover: %1").arg(why));
        if (error)
            *error = m_error;
        m_action->setEnabled(false);
        return false;
    }
    // The person at the keyboard, not whatever actor a shared Store object was last given.
    store->setActor(Store::osActor());
    m_store = std::move(store);
    m_action->setEnabled(true);
    m_poll->start();
    refresh();
    return true;
}

void AutoFailoverToggle::setFleet(TopologySnapshotPtr snapshot, const QHash<QString, QString> &aliases)
{
    m_snapshot = std::move(snapshot);
    m_aliases = aliases;
    updateAction();
}

void AutoFailoverToggle::refresh()
{
    if (!m_store)
        return;
    QString why;
    const bool wasOn = m_on;
    if (const auto policy = loadPolicy(*m_store, &why)) {
        m_policy = *policy;
        m_error.clear();
    } else {
        // Another key is broken (the engine reports that itself); the switch itself may still be
        // readable, and the heart must show it.
        const QJsonValue raw = m_store->policy().value(QLatin1String(kAutoFailoverKey));
        Policy p = m_policy;
        if (p.set(QLatin1String(kAutoFailoverKey), raw.isBool() ? (raw.toBool() ? QStringLiteral("on") : QStringLiteral("off"))
                                                                 : raw.toString()))
            m_policy.autoFailover = p.autoFailover;
        m_error = why;
    }
    m_on = m_policy.autoFailover;
    updateAction();
    if (m_on != wasOn)
        emit changed(m_on);
}

QString AutoFailoverToggle::confirmationText() const
{
    QStringList parts;
    parts << tr("Turn automatic failover on?");
    parts << tr("Topograph will then recover a dead master on its own, without asking anyone, in every "
                "cluster that RecoverMasterClusterFilters covers. Other clusters stay detect-and-report only.");
    const auto master = ClusterFilter::parse(m_policy.recoverMasterClusterFilters);
    const auto intermediate = ClusterFilter::parse(m_policy.recoverIntermediateMasterClusterFilters);
    if (!master || master->isEmpty()) {
        parts << tr("RecoverMasterClusterFilters is empty, so it covers no cluster: turning this on changes "
                    "nothing until you add filters in Failover settings.");
    } else if (!m_snapshot) {
        parts << tr("No fleet has been discovered yet. The filters are: %1")
                     .arg(master->entries().join(QStringLiteral(", ")));
    } else {
        const ClusterCoverage c = clusterCoverage(*master, m_snapshot.get(), m_aliases);
        parts << tr("Covered (recovered automatically): %1").arg(listOrNone(c.covered)) + QLatin1Char('\n')
                     + tr("Not covered (detected and reported only): %1").arg(listOrNone(c.notCovered));
    }
    if (intermediate && !intermediate->isEmpty() && m_snapshot) {
        const ClusterCoverage c = clusterCoverage(*intermediate, m_snapshot.get(), m_aliases);
        parts << tr("Dead intermediate masters are recovered automatically in: %1 "
                    "(RecoverIntermediateMasterClusterFilters)")
                     .arg(listOrNone(c.covered));
    }
    parts << tr("After a recovery, further automatic recoveries of that cluster wait %1 "
                "(RecoveryPeriodBlockSeconds) unless the recovery is acknowledged.")
                 .arg(durationText(m_policy.recoveryPeriodBlockSeconds));
    return parts.join(QStringLiteral("\n\n"));
}

bool AutoFailoverToggle::setOn(bool on)
{
    if (!m_store) {
        setError(tr("No store is open: AutoFailover cannot be changed."));
        return false;
    }
    refresh(); // confirm against the filters as they are now, not as they were a poll ago
    if (on == m_on)
        return true;
    if (on && !m_confirm(tr("Turn on automatic failover"), confirmationText()))
        return false;
    QString why;
    const QString comment = on ? tr("turned on from the auto-failover heart") : tr("turned off from the auto-failover heart");
    if (!m_store->setPolicyValue(QLatin1String(kAutoFailoverKey), QJsonValue(on), comment, &why)) {
        setError(tr("AutoFailover was not changed: %1").arg(why));
        return false;
    }
    refresh();
    return m_on == on;
}

void AutoFailoverToggle::setError(const QString &message)
{
    m_error = message;
    updateAction();
    emit failed(message);
}

QString AutoFailoverToggle::statusText() const
{
    if (!m_store)
        return tr("Auto-failover: unknown (no store open)");
    if (!m_on)
        return tr("Auto-failover off: detect and report only");
    const auto master = ClusterFilter::parse(m_policy.recoverMasterClusterFilters);
    if (!master || master->isEmpty())
        return tr("Auto-failover ON, but RecoverMasterClusterFilters covers no cluster");
    if (!m_snapshot)
        return tr("Auto-failover ON");
    const ClusterCoverage c = clusterCoverage(*master, m_snapshot.get(), m_aliases);
    return tr("Auto-failover ON, clusters covered: %1 of %2").arg(c.covered.size()).arg(m_snapshot->clusters().size());
}

void AutoFailoverToggle::updateAction()
{
    m_action->setChecked(m_on);
    const QString status = statusText();
    QString tip = status + QLatin1Char('\n')
                  + (m_on ? tr("Click to turn automatic failover off (detect and report only).")
                          : tr("Click to let Topograph recover dead masters on its own."));
    if (!m_error.isEmpty())
        tip += QLatin1Char('\n') + m_error;
    m_action->setToolTip(tip);
    m_action->setStatusTip(status);
    if (status != m_lastStatus) {
        m_lastStatus = status;
        emit statusTextChanged(status);
    }
}

} // namespace Topograph::Gui
