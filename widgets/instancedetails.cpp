#include "instancedetails.h"

#include "cardcontent.h"

#include <QHeaderView>

namespace Topograph::Gui {

InstanceDetails::InstanceDetails(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("InstanceDetails"));
    setHeaderLabels({tr("Fact"), tr("Value")});
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setWordWrap(false);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(true);
}

static QString yesNo(bool b)
{
    return b ? InstanceDetails::tr("yes") : InstanceDetails::tr("no");
}

static QString dateText(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : InstanceDetails::tr("never");
}

static QString uptimeText(qint64 s)
{
    return InstanceDetails::tr("%1 d %2 h %3 min").arg(s / 86400).arg((s % 86400) / 3600).arg((s % 3600) / 60);
}

QList<InstanceDetails::Row> InstanceDetails::rows(const TopologySnapshot &snapshot, const InstanceFacts &f,
                                                  const QList<Analysis> &analyses)
{
    QList<Row> r;
    const QString id = tr("Identity"), probe = tr("Probe"), write = tr("Writeability and binary log"),
                  gtid = tr("GTID"), semi = tr("Semi-synchronous replication"), prob = tr("Problems");
    r << Row{probe, tr("Reachable"), f.reachable ? tr("yes") : tr("no: %1").arg(probeErrorName(f.lastError))};
    if (!f.lastErrorText.isEmpty())
        r << Row{probe, tr("Last error"), f.lastErrorText};
    r << Row{probe, tr("Last checked"), dateText(f.lastChecked)} << Row{probe, tr("Last seen"), dateText(f.lastSeen)}
      << Row{probe, tr("Probe time"), tr("%1 ms").arg(f.probeMicros / 1000.0, 0, 'f', 1)};
    if (const auto dt = snapshot.downtime(f.key))
        r << Row{probe, tr("Downtime"), tr("until %1 by %2: %3").arg(dateText(dt->until), dt->owner, dt->reason)};
    r << Row{probe, tr("Maintenance"), yesNo(snapshot.inMaintenance(f.key))}
      << Row{probe, tr("Promotion rule"), promotionRuleName(snapshot.promotionRule(f.key))};

    r << Row{id, tr("Instance"), f.key.toString()} << Row{id, tr("Host name"), f.hostname}
      << Row{id, tr("Server ID"), QString::number(f.serverId)}
      << Row{id, tr("Version"), f.version + (f.versionComment.isEmpty() ? QString() : QStringLiteral(" (") + f.versionComment + QLatin1Char(')'))}
      << Row{id, tr("Flavour"), flavorName(f.flavor)} << Row{id, tr("Uptime"), uptimeText(f.uptimeSeconds)};
    if (!f.serverUuid.isEmpty())
        r << Row{id, tr("Server UUID"), f.serverUuid};
    if (const ClusterInfo *c = snapshot.clusterOf(f.key))
        r << Row{id, tr("Cluster"), c->alias.isEmpty() ? c->name : c->alias + QStringLiteral(" (") + c->name + QLatin1Char(')')};

    r << Row{write, tr("read_only"), yesNo(f.readOnly)} << Row{write, tr("super_read_only"), yesNo(f.superReadOnly)}
      << Row{write, tr("log_bin"), yesNo(f.logBin)} << Row{write, tr("log_slave_updates"), yesNo(f.logReplicaUpdates)}
      << Row{write, tr("binlog_format"), f.binlogFormat}
      << Row{write, tr("Binary log position"), f.binlog.toString()}
      << Row{write, tr("slave_net_timeout"), tr("%1 s").arg(f.slaveNetTimeout)};
    QStringList replicas;
    for (const InstanceKey &k : f.replicaKeys)
        replicas << k.toString();
    r << Row{write, tr("Replicas it reports"), replicas.join(QStringLiteral(", "))
                                               + (f.replicaKeysFromProcesslist ? tr(" (from the process list)") : QString())};

    if (f.flavor == Flavor::MariaDB) {
        r << Row{gtid, tr("gtid_domain_id"), QString::number(f.gtidDomainId)}
          << Row{gtid, tr("gtid_current_pos"), f.gtidCurrentPos} << Row{gtid, tr("gtid_binlog_pos"), f.gtidBinlogPos}
          << Row{gtid, tr("gtid_slave_pos"), f.gtidSlavePos} << Row{gtid, tr("gtid_strict_mode"), yesNo(f.gtidStrictMode)};
    } else {
        r << Row{gtid, tr("gtid_mode"), f.gtidMode} << Row{gtid, tr("gtid_executed"), f.gtidExecuted}
          << Row{gtid, tr("gtid_purged"), f.gtidPurged};
    }

    for (const ReplicationChannel &ch : f.channels) {
        const QString s = ch.name.isEmpty() ? tr("Replication (default connection)") : tr("Replication channel '%1'").arg(ch.name);
        r << Row{s, tr("Source"), ch.source.toString() + (ch.sourceUser.isEmpty() ? QString() : tr(" as %1").arg(ch.sourceUser))}
          << Row{s, tr("IO thread"), threadStateName(ch.ioThread) + (ch.ioStateText.isEmpty() ? QString() : QStringLiteral(": ") + ch.ioStateText)}
          << Row{s, tr("SQL thread"), threadStateName(ch.sqlThread)}
          << Row{s, tr("Seconds behind master"), lagText(ch.secondsBehindMaster)}
          << Row{s, tr("SQL delay"), tr("%1 s").arg(ch.sqlDelay)}
          << Row{s, tr("GTID"), ch.autoPosition ? tr("auto position") : (ch.usingGtid.isEmpty() ? tr("no") : ch.usingGtid)}
          << Row{s, tr("Received"), ch.gtidIoPos.isEmpty() ? (ch.retrievedGtidSet.isEmpty() ? ch.readSourceLog.toString() : ch.retrievedGtidSet) : ch.gtidIoPos}
          << Row{s, tr("Applied up to"), ch.execSourceLog.toString()}
          << Row{s, tr("Relay log"), ch.relayLog.toString()} << Row{s, tr("SSL allowed"), yesNo(ch.sslAllowed)};
        if (ch.lastIoErrno)
            r << Row{s, tr("Last IO error"), QStringLiteral("%1: %2").arg(ch.lastIoErrno).arg(ch.lastIoError)};
        if (ch.lastSqlErrno)
            r << Row{s, tr("Last SQL error"), QStringLiteral("%1: %2").arg(ch.lastSqlErrno).arg(ch.lastSqlError)};
    }

    const SemiSyncState &ss = f.semiSync;
    if (ss.sourcePluginLoaded || ss.replicaPluginLoaded) {
        r << Row{semi, tr("Master side"), tr("enabled %1, active %2, %3 clients, waits for %4, timeout %5 ms")
                                              .arg(yesNo(ss.sourceEnabled), yesNo(ss.sourceActive))
                                              .arg(ss.sourceClients).arg(ss.waitForReplicaCount).arg(ss.timeoutMs)}
          << Row{semi, tr("Replica side"), tr("enabled %1, active %2").arg(yesNo(ss.replicaEnabled), yesNo(ss.replicaActive))};
    } else {
        r << Row{semi, tr("Plugins"), tr("not loaded")};
    }
    for (const Analysis &a : analyses)
        if (a.instance == f.key)
            r << Row{prob, a.codeName(), a.explanation};
    return r;
}

QString InstanceDetails::value(const QString &section, const QString &label) const
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem *s = topLevelItem(i);
        if (s->text(0) != section)
            continue;
        for (int j = 0; j < s->childCount(); ++j)
            if (s->child(j)->text(0) == label)
                return s->child(j)->text(1);
    }
    return {};
}

void InstanceDetails::show(const TopologySnapshot *snapshot, const InstanceKey &key, const QList<Analysis> &analyses)
{
    const InstanceFacts *f = snapshot ? snapshot->instance(key) : nullptr;
    if (!f) {
        clear();
        m_shape.clear();
        m_key = {};
        return;
    }
    const QList<Row> rs = rows(*snapshot, *f, analyses);
    QStringList shape;
    for (const Row &r : rs)
        shape << r.section + QLatin1Char('|') + r.label;
    if (key == m_key && shape == m_shape) {
        int i = 0;
        for (int s = 0; s < topLevelItemCount(); ++s)
            for (int c = 0; c < topLevelItem(s)->childCount(); ++c) {
                QTreeWidgetItem *item = topLevelItem(s)->child(c);
                if (item->text(1) != rs.at(i).value) {
                    item->setText(1, rs.at(i).value);
                    item->setToolTip(1, rs.at(i).value);
                }
                ++i;
            }
        return;
    }
    m_key = key;
    m_shape = shape;
    clear();
    QHash<QString, QTreeWidgetItem *> sections;
    for (const Row &r : rs) {
        QTreeWidgetItem *s = sections.value(r.section);
        if (!s) {
            s = new QTreeWidgetItem(this, {r.section});
            QFont bold = font();
            bold.setBold(true);
            s->setFont(0, bold);
            s->setFirstColumnSpanned(true);
            sections.insert(r.section, s);
        }
        auto *item = new QTreeWidgetItem(s, {r.label, r.value});
        item->setToolTip(1, r.value);
    }
    expandAll();
}

} // namespace Topograph::Gui
