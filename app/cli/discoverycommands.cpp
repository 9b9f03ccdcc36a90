// discover, clusters, topology, instance, watch: the CLI face of core/discovery. Every command
// looks at the live servers (seeded by its argument or the store's known instances) rather than
// printing what the store remembers.
#include "clicommands.h"
#include "clisupport.h"
#include "topologyprinter.h"
#include "watchcommand.h"

#include "credentials/credentialstore.h"
#include "discovery/discovery.h"
#include "logging/logging.h"
#include "model/factsjson.h"
#include "store/store.h"
#include "text/safetext.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <netdb.h>
#include <sys/socket.h>

namespace Topograph::Cli {

std::optional<InstanceKey> parseInstanceArgument(Context &ctx, const QString &text, int *exitCode)
{
    QString why;
    const auto key = InstanceKey::parse(text, &why);
    if (!key) {
        *exitCode = ctx.fail(why, ExitUsage);
        return std::nullopt;
    }
    // Resolve here so an unknown host is named as such, not as an unreachable server.
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *found = nullptr;
    const int rc = ::getaddrinfo(key->host().toUtf8().constData(), nullptr, &hints, &found);
    if (found)
        ::freeaddrinfo(found);
    if (rc != 0) {
        *exitCode = ctx.fail(QStringLiteral("cannot resolve host '%1' (%2): check the name or use an IP address")
                                 .arg(key->host(), QString::fromLocal8Bit(::gai_strerror(rc))));
        return std::nullopt;
    }
    return key;
}

std::optional<InstanceKey> parseStoredInstanceArgument(Context &ctx, const QString &text, int *exitCode)
{
    QString why;
    if (const auto key = InstanceKey::parse(text, &why))
        return key;
    QString rawWhy;
    if (const auto raw = InstanceKey::parseRaw(text, &rawWhy); raw && !raw->host().isEmpty())
        return raw;
    *exitCode = ctx.fail(why, ExitUsage);
    return std::nullopt;
}

std::optional<ConnectionOptionsProvider> connectionOptionsFor(Context &ctx, int *exitCode)
{
    const GlobalOptions &o = ctx.options();
    if (o.user.isEmpty()) {
        *exitCode = ctx.fail(QStringLiteral("no topology user: pass --user NAME (the account Topograph "
                                            "connects as, e.g. --user topograph)"),
                             ExitUsage);
        return std::nullopt;
    }
    SslMode mode = SslMode::Preferred;
    if (!o.sslMode.isEmpty()) {
        QString why;
        const auto m = sslModeFromName(o.sslMode, &why);
        if (!m) {
            *exitCode = ctx.fail(QStringLiteral("--ssl-mode: ") + why, ExitUsage);
            return std::nullopt;
        }
        mode = *m;
    }
    // Without --password-env, a cluster may have its own keychain entry (topograph@CLUSTER, or
    // topograph@ALIAS): used for the instances the store already places in that cluster, read
    // here once on this thread. Everything else uses the global entry (topograph@*), since which
    // cluster a new instance belongs to is only known after probing it.
    CredentialStore keychain;
    QHash<InstanceKey, QString> perInstance;
    const QString storePath = o.storePath.isEmpty() ? Store::defaultPath() : o.storePath;
    if (o.passwordEnv.isEmpty() && QFile::exists(storePath)) {
        QString ignored; // a store it cannot open is reported by the command itself
        if (auto store = Store::open(storePath, &ignored)) {
            const QHash<QString, QString> aliases = store->clusterAliases();
            QHash<QString, std::optional<QString>> byCluster;
            for (const Store::KnownInstance &k : store->knownInstances(&ignored)) {
                if (k.clusterName.isEmpty())
                    continue;
                if (!byCluster.contains(k.clusterName)) {
                    CredentialResult r = keychain.read(CredentialStore::accountFor(o.user, k.clusterName));
                    if (!r.ok && !aliases.value(k.clusterName).isEmpty())
                        r = keychain.read(CredentialStore::accountFor(o.user, aliases.value(k.clusterName)));
                    if (r.ok)
                        Logging::registerSecret(r.secret);
                    byCluster.insert(k.clusterName, r.ok ? std::optional<QString>(r.secret) : std::nullopt);
                }
                if (const auto secret = byCluster.value(k.clusterName))
                    perInstance.insert(k.key, *secret);
            }
        }
    }
    const CredentialResult password = resolvePassword(o.user, QString(), o.passwordEnv, keychain);
    if (!password.ok && perInstance.isEmpty()) {
        *exitCode = ctx.fail(password.error);
        return std::nullopt;
    }
    ConnectionOptions base;
    base.user = o.user;
    base.password = password.secret;
    base.sslMode = mode;
    base.sslCa = o.sslCa;
    base.sslCert = o.sslCert;
    base.sslKey = o.sslKey;
    return ConnectionOptionsProvider([base, perInstance](const InstanceKey &key) {
        ConnectionOptions c = base;
        c.key = key;
        c.password = perInstance.value(key, base.password);
        return c;
    });
}

std::unique_ptr<Store> openStore(Context &ctx, int *exitCode)
{
    const QString path = ctx.options().storePath.isEmpty() ? Store::defaultPath() : ctx.options().storePath;
    QString error;
    auto store = Store::open(path, &error);
    if (!store)
        *exitCode = ctx.fail(error);
    return store;
}

namespace {

void printJson(Context &ctx, const QJsonValue &value)
{
    printJsonValue(ctx, value);
}

QList<InstanceKey> storedSeeds(Context &ctx, Store &store, int *exitCode)
{
    QString error;
    QList<InstanceKey> seeds;
    for (const Store::KnownInstance &k : store.knownInstances(&error))
        seeds << k.key;
    if (!error.isEmpty())
        *exitCode = ctx.fail(error);
    else if (seeds.isEmpty())
        *exitCode = ctx.fail(QStringLiteral("no known instances in %1: run 'topograph-cli discover HOST:PORT' first")
                                 .arg(store.path()));
    return seeds;
}

void printTrees(Context &ctx, const TopologySnapshot &s, const QList<const ClusterInfo *> &clusters)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    bool first = true;
    for (const ClusterInfo *c : clusters) {
        if (!first)
            ctx.out() << '\n';
        first = false;
        if (!c->alias.isEmpty())
            ctx.out() << "# " << SafeText::line(c->name) << " (" << SafeText::line(c->alias) << ")\n";
        for (const QString &line : topologyTree(s, *c, now))
            ctx.out() << line << '\n';
    }
}

int discoverCommand(Context &ctx, const QStringList &args)
{
    if (args.size() != 1)
        return ctx.fail(QStringLiteral("discover needs exactly one HOST:PORT"), ExitUsage);
    int code = ExitOk;
    const auto seed = parseInstanceArgument(ctx, args.first(), &code);
    if (!seed)
        return code;
    auto store = openStore(ctx, &code);
    if (!store)
        return code;
    QHash<InstanceKey, InstanceKey> renamed;
    const auto snapshot = liveSnapshot(ctx, *store, {*seed}, &code, &renamed);
    if (!snapshot)
        return code;
    // The seed may be in the fleet under the name its replicas use (localhost:PORT is
    // 127.0.0.1:PORT to them): that is the name remembered, and the one to use from now on.
    const InstanceKey seedKey = renamed.value(*seed, *seed);
    // The rest of the known fleet was probed too; the seed itself must have answered.
    if (const InstanceFacts *f = snapshot->instance(seedKey); !f || !f->reachable)
        return ctx.fail(Logging::redacted(f && !f->lastErrorText.isEmpty()
                                              ? f->lastErrorText
                                              : QStringLiteral("cannot probe %1").arg(seed->toString())));
    if (ctx.options().json) {
        printJson(ctx, snapshotToJson(*snapshot));
        return ExitOk;
    }
    if (seedKey != *seed)
        ctx.out() << seed->toString() << " is " << seedKey.toString()
                  << " (the name its replicas use for it); remembered as " << seedKey.toString() << ".\n";
    ctx.out() << "Discovered " << snapshot->instances().size() << " instance(s) in "
              << snapshot->clusters().size() << " cluster(s); remembered in " << store->path() << "\n\n";
    QList<const ClusterInfo *> all;
    for (const ClusterInfo &c : snapshot->clusters())
        all << &c;
    printTrees(ctx, *snapshot, all);
    return ExitOk;
}

int clustersCommand(Context &ctx, const QStringList &args)
{
    if (!args.isEmpty())
        return ctx.fail(QStringLiteral("clusters takes no arguments"), ExitUsage);
    int code = ExitOk;
    auto store = openStore(ctx, &code);
    if (!store)
        return code;
    const QList<InstanceKey> seeds = storedSeeds(ctx, *store, &code);
    if (seeds.isEmpty())
        return code;
    const auto snapshot = liveSnapshot(ctx, *store, seeds, &code);
    if (!snapshot)
        return code;
    if (ctx.options().json) {
        QJsonArray clusters;
        for (const ClusterInfo &c : snapshot->clusters())
            clusters.append(clusterJson(*snapshot, c));
        printJson(ctx, clusters);
        return ExitOk;
    }
    for (const QString &line : clusterTable(*snapshot))
        ctx.out() << line << '\n';
    return ExitOk;
}

int topologyCommand(Context &ctx, const QStringList &args)
{
    if (args.size() > 1)
        return ctx.fail(QStringLiteral("topology takes at most one CLUSTER or HOST:PORT"), ExitUsage);
    int code = ExitOk;
    auto store = openStore(ctx, &code);
    if (!store)
        return code;
    // HOST:PORT (a cluster's name is its master's host:port) is discovered from; anything else
    // is a cluster alias, looked up in the live view of the known fleet.
    QList<InstanceKey> seeds;
    std::optional<InstanceKey> asKey;
    if (!args.isEmpty() && args.first().contains(QLatin1Char(':')) && InstanceKey::parse(args.first())) {
        asKey = parseInstanceArgument(ctx, args.first(), &code);
        if (!asKey)
            return code;
        seeds << *asKey;
    } else {
        seeds = storedSeeds(ctx, *store, &code);
        if (seeds.isEmpty())
            return code;
    }
    QHash<InstanceKey, InstanceKey> renamed;
    const auto snapshot = liveSnapshot(ctx, *store, seeds, &code, &renamed);
    if (!snapshot)
        return code;
    QList<const ClusterInfo *> selected;
    if (asKey) {
        if (const ClusterInfo *c = snapshot->clusterOf(renamed.value(*asKey, *asKey)))
            selected << c;
    } else if (!args.isEmpty()) {
        const ClusterInfo *c = snapshot->cluster(args.first());
        if (!c) {
            QStringList names;
            for (const ClusterInfo &k : snapshot->clusters())
                names << (k.alias.isEmpty() ? k.name : k.name + QStringLiteral(" (") + k.alias + QLatin1Char(')'));
            return ctx.fail(QStringLiteral("no cluster named '%1'; known clusters: %2")
                                .arg(args.first(), names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "))));
        }
        selected << c;
    } else {
        for (const ClusterInfo &c : snapshot->clusters())
            selected << &c;
    }
    if (ctx.options().json) {
        QJsonArray clusters;
        for (const ClusterInfo *c : selected) {
            QJsonObject o = clusterJson(*snapshot, *c);
            QJsonArray instances;
            for (const InstanceKey &k : c->members)
                if (const InstanceFacts *f = snapshot->instance(k))
                    instances.append(instanceFactsToJson(*f));
            o.insert(QStringLiteral("instances"), instances);
            clusters.append(o);
        }
        printJson(ctx, clusters);
        return ExitOk;
    }
    printTrees(ctx, *snapshot, selected);
    return ExitOk;
}

int instanceCommand(Context &ctx, const QStringList &args)
{
    if (args.size() != 1)
        return ctx.fail(QStringLiteral("instance needs exactly one HOST:PORT"), ExitUsage);
    int code = ExitOk;
    const auto key = parseInstanceArgument(ctx, args.first(), &code);
    if (!key)
        return code;
    auto provider = connectionOptionsFor(ctx, &code);
    if (!provider)
        return code;
    Discovery::Options options;
    options.connectionOptions = *provider;
    const InstanceFacts f = Discovery::probeOnce({*key}, options).value(0);
    if (!f.lastSeen.isValid())
        return ctx.fail(Logging::redacted(f.lastErrorText.isEmpty() ? QStringLiteral("cannot probe %1: %2")
                                                                           .arg(key->toString(), probeErrorName(f.lastError))
                                                                     : f.lastErrorText));
    if (ctx.options().json) {
        printJson(ctx, instanceFactsToJson(f));
        return ExitOk;
    }
    for (const QString &line : instanceDetails(f, QDateTime::currentDateTimeUtc()))
        ctx.out() << line << '\n';
    return ExitOk;
}

} // namespace

QList<Command> discoveryCommands()
{
    return {
        {QStringLiteral("discover"), QStringLiteral("HOST:PORT"),
         QStringLiteral("crawl a replication topology from one server and remember it"), discoverCommand},
        {QStringLiteral("clusters"), QString(), QStringLiteral("list the clusters of the known fleet (probed live)"),
         clustersCommand},
        {QStringLiteral("topology"), QStringLiteral("[CLUSTER|HOST:PORT]"),
         QStringLiteral("print replication trees, one line per instance"), topologyCommand},
        {QStringLiteral("instance"), QStringLiteral("HOST:PORT"), QStringLiteral("every probed fact of one server"),
         instanceCommand},
        {QStringLiteral("watch"), QStringLiteral("[HOST:PORT...] [--interval SECONDS]"),
         QStringLiteral("poll continuously and print changes until Ctrl-C"), watchCommand},
    };
}

} // namespace Topograph::Cli
