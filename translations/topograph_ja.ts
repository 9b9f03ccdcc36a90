<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>QObject</name>
    <message>
        <source>Topograph</source>
        <translation>Topograph</translation>
    </message>
    <message>
        <source>The engine did not start: %1</source>
        <translation>エンジンを起動できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui</name>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>重大</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1分%2秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1時間%2分</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>接続中</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>master</source>
        <translation>マスター</translation>
    </message>
    <message>
        <source>co-master (writer)</source>
        <translation>コマスター (書き込み)</translation>
    </message>
    <message>
        <source>co-master</source>
        <translation>コマスター</translation>
    </message>
    <message>
        <source>intermediate master</source>
        <translation>中間マスター</translation>
    </message>
    <message>
        <source>intermediate</source>
        <translation>中間</translation>
    </message>
    <message>
        <source>replica</source>
        <translation>レプリカ</translation>
    </message>
    <message>
        <source>MariaDB GTID</source>
        <translation>MariaDB GTID</translation>
    </message>
    <message>
        <source>MySQL GTID</source>
        <translation>MySQL GTID</translation>
    </message>
    <message>
        <source>no GTID</source>
        <translation>GTID なし</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>読み取り専用</translation>
    </message>
    <message>
        <source>writable</source>
        <translation>書き込み可</translation>
    </message>
    <message>
        <source>unreachable: %1</source>
        <translation>到達不能: %1</translation>
    </message>
    <message>
        <source>IO %1  SQL %2  lag %3</source>
        <translation>IO %1  SQL %2  遅延 %3</translation>
    </message>
    <message numerus="yes">
        <source>  +%n source(s)</source>
        <translation>
            <numerusform>  +ソース %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replica(s)</source>
        <translation>
            <numerusform>レプリカ %n 台</numerusform>
        </translation>
    </message>
    <message>
        <source>DOWNTIME until %1</source>
        <translation>ダウンタイム (%1 まで)</translation>
    </message>
    <message>
        <source>MAINTENANCE</source>
        <translation>メンテナンス</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::AboutDialog</name>
    <message>
        <source>About Topograph</source>
        <translation>Topograph について</translation>
    </message>
    <message>
        <source>none open</source>
        <translation>開いていません</translation>
    </message>
    <message>
        <source>%1 (schema %2; this build knows up to %3)</source>
        <translation>%1 (スキーマ %2、このビルドは %3 まで対応)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Topograph %1&lt;/h3&gt;&lt;p&gt;A console for MySQL and MariaDB replication topologies.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Client library&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Store&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Log file&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h3&gt;Topograph %1&lt;/h3&gt;&lt;p&gt;MySQL および MariaDB のレプリケーショントポロジー管理コンソール。&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;クライアントライブラリ&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;ストア&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;ログファイル&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::AcknowledgeDialog</name>
    <message>
        <source>Acknowledge</source>
        <translation>確認済みにする</translation>
    </message>
    <message>
        <source>Acknowledge %1.</source>
        <translation>%1 を確認済みにします。</translation>
    </message>
    <message>
        <source>A comment is required: say what you checked and why automatic recoveries may resume. It is kept in the audit log.</source>
        <translation>コメントは必須です: 何を確認したか、なぜ自動リカバリを再開してよいかを書いてください。コメントは監査ログに残ります。</translation>
    </message>
    <message>
        <source>Comment (required)</source>
        <translation>コメント (必須)</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::AuditEntryDetails</name>
    <message>
        <source>not ended</source>
        <translation>未終了</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1分%2秒</translation>
    </message>
    <message>
        <source>▶ running</source>
        <translation>▶ 実行中</translation>
    </message>
    <message>
        <source>✓ ok</source>
        <translation>✓ 成功</translation>
    </message>
    <message>
        <source>✖ failed</source>
        <translation>✖ 失敗</translation>
    </message>
    <message>
        <source>– skipped</source>
        <translation>– スキップ</translation>
    </message>
    <message>
        <source>↶ undone</source>
        <translation>↶ 取り消し</translation>
    </message>
    <message>
        <source>⚠ interrupted</source>
        <translation>⚠ 中断</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>リカバリ</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>ステートメント</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>Select a step to see its statement and output.</source>
        <translation>ステップを選択すると、ステートメントと出力が表示されます。</translation>
    </message>
    <message>
        <source>Select an entry to see it in full.</source>
        <translation>エントリを選択すると、全体が表示されます。</translation>
    </message>
    <message>
        <source>Entry #%1</source>
        <translation>エントリ #%1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>実行者</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>クラスター</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>ハッシュ</translation>
    </message>
    <message>
        <source>Previous hash</source>
        <translation>前のハッシュ</translation>
    </message>
    <message>
        <source>Chain broken here:</source>
        <translation>ここでチェーンが途切れています:</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Recovery #%1 is not in the store.</source>
        <translation>リカバリ #%1 はストアにありません。</translation>
    </message>
    <message>
        <source>Recovery #%1</source>
        <translation>リカバリ #%1</translation>
    </message>
    <message>
        <source>%1 of cluster %2, started automatically: %3.</source>
        <translation>クラスター %2 の %1、自動開始: %3。</translation>
    </message>
    <message>
        <source>%1 of cluster %2, started by %3: %4.</source>
        <translation>クラスター %2 の %1、手動開始 (%3): %4。</translation>
    </message>
    <message>
        <source>Failed: %1; successor: %2.</source>
        <translation>障害: %1、後継: %2。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Started %1, %2.</source>
        <translation>開始 %1、%2。</translation>
    </message>
    <message>
        <source>ended %1</source>
        <translation>終了 %1</translation>
    </message>
    <message>
        <source>Lost replicas: %1.</source>
        <translation>失われたレプリカ: %1。</translation>
    </message>
    <message>
        <source>✓ Acknowledged by %1 at %2: “%3”</source>
        <translation>✓ 確認済み (%1、%2): 「%3」</translation>
    </message>
    <message>
        <source>▶ Still running; it can be acknowledged once it has ended.</source>
        <translation>▶ まだ実行中です。終了後に確認済みにできます。</translation>
    </message>
    <message>
        <source>⚠ Not acknowledged: automatic recoveries on this cluster may be blocked until it is.</source>
        <translation>⚠ 未確認: 確認済みになるまで、このクラスターの自動リカバリがブロックされることがあります。</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>ステップ %1: %2</translation>
    </message>
    <message>
        <source> on %1</source>
        <translation> (対象: %1)</translation>
    </message>
    <message>
        <source>Statement:</source>
        <translation>ステートメント:</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>出力:</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::AuditLogModel</name>
    <message>
        <source>✓ ok</source>
        <translation>✓ 成功</translation>
    </message>
    <message>
        <source>✖ failed</source>
        <translation>✖ 失敗</translation>
    </message>
    <message>
        <source>⊘ refused</source>
        <translation>⊘ 拒否</translation>
    </message>
    <message>
        <source>Chain broken here: %1</source>
        <translation>ここでチェーンが途切れています: %1</translation>
    </message>
    <message>
        <source>%1 (alias %2)</source>
        <translation>%1 (エイリアス %2)</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time (local)</source>
        <translation>時刻 (ローカル)</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>実行者</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>クラスター</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>リカバリ</translation>
    </message>
    <message>
        <source>running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>中断</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::AuditLogWindow</name>
    <message>
        <source>Audit log</source>
        <translation>監査ログ</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>チェーン検証</translation>
    </message>
    <message>
        <source>Re-read every entry and check its hash and its link to the previous one, so an edit or a deletion in the store file shows.</source>
        <translation>すべてのエントリを読み直し、ハッシュと前のエントリへのリンクを検査します。ストアファイル内の編集や削除があれば分かります。</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>エントリ</translation>
    </message>
    <message>
        <source>Blocked recoveries</source>
        <translation>ブロックされたリカバリ</translation>
    </message>
    <message>
        <source>Acknowledge recovery…</source>
        <translation>リカバリを確認済みにする…</translation>
    </message>
    <message>
        <source>Acknowledge cluster…</source>
        <translation>クラスターを確認済みにする…</translation>
    </message>
    <message>
        <source>Acknowledge all…</source>
        <translation>すべて確認済みにする…</translation>
    </message>
    <message>
        <source>Read new entries now (%1); the view also refreshes by itself.</source>
        <translation>新しいエントリを今すぐ読み込みます (%1)。表示は自動でも更新されます。</translation>
    </message>
    <message>
        <source>The audit log cannot be shown: %1</source>
        <translation>監査ログを表示できません: %1</translation>
    </message>
    <message>
        <source>⊘ refused</source>
        <translation>⊘ 拒否</translation>
    </message>
    <message>
        <source>Search message, instance, cluster, action, actor</source>
        <translation>メッセージ、インスタンス、クラスター、操作、実行者を検索</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>すべての結果</translation>
    </message>
    <message>
        <source>✓ ok</source>
        <translation>✓ 成功</translation>
    </message>
    <message>
        <source>✖ failed</source>
        <translation>✖ 失敗</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>検索(&amp;S):</translation>
    </message>
    <message>
        <source>From</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>to</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Local time. Unticked: any time.</source>
        <translation>ローカル時刻。チェックなしは期間制限なし。</translation>
    </message>
    <message>
        <source>Unacknowledged recoveries only</source>
        <translation>未確認のリカバリのみ</translation>
    </message>
    <message>
        <source>Entries of recoveries nobody has acknowledged yet.</source>
        <translation>まだ誰も確認済みにしていないリカバリのエントリ。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>All clusters</source>
        <translation>すべてのクラスター</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <source>⊘ Blocked recoveries (%1)</source>
        <translation>⊘ ブロックされたリカバリ (%1)</translation>
    </message>
    <message>
        <source>Select an entry that belongs to a recovery.</source>
        <translation>リカバリに属するエントリを選択してください。</translation>
    </message>
    <message>
        <source>Recovery #%1 was acknowledged by %2.</source>
        <translation>リカバリ #%1 は %2 により確認済みです。</translation>
    </message>
    <message>
        <source>Recovery #%1 is still running.</source>
        <translation>リカバリ #%1 はまだ実行中です。</translation>
    </message>
    <message>
        <source>Acknowledge recovery #%1 of cluster %2.</source>
        <translation>クラスター %2 のリカバリ #%1 を確認済みにします。</translation>
    </message>
    <message>
        <source>Select an entry of a cluster, or filter on one.</source>
        <translation>クラスターのエントリを選択するか、クラスターで絞り込んでください。</translation>
    </message>
    <message numerus="yes">
        <source>%n unacknowledged recovery(ies) of cluster %1.</source>
        <translation>
            <numerusform>クラスター %1 の未確認リカバリ %n 件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Acknowledge all (%1)…</source>
        <translation>すべて確認済みにする (%1)…</translation>
    </message>
    <message>
        <source>%L1 entries</source>
        <translation>%L1 件</translation>
    </message>
    <message>
        <source>%L1 of %L2 entries</source>
        <translation>%L2 件中 %L1 件</translation>
    </message>
    <message>
        <source>Verifying the hash chain…</source>
        <translation>ハッシュチェーンを検証中…</translation>
    </message>
    <message>
        <source>The chain could not be verified: %1</source>
        <translation>チェーンを検証できませんでした: %1</translation>
    </message>
    <message>
        <source>BROKEN at #%1: %2</source>
        <translation>#%1 でチェーン破損: %2</translation>
    </message>
    <message numerus="yes">
        <source> (%n bad entries)</source>
        <translation>
            <numerusform> (不正なエントリ %n 件)</numerusform>
        </translation>
    </message>
    <message>
        <source>Chain intact (the log is empty).</source>
        <translation>チェーンは正常です (ログは空です)。</translation>
    </message>
    <message>
        <source>Chain intact (%L1 entries, head #%2 hash %3…).</source>
        <translation>チェーンは正常です (%L1 件、先頭 #%2 ハッシュ %3…)。</translation>
    </message>
    <message>
        <source>Verified at %1 in %L2 ms.</source>
        <translation>%1 に検証しました (%L2 ms)。</translation>
    </message>
    <message numerus="yes">
        <source>%n newer entry(ies) not verified yet.</source>
        <translation>
            <numerusform>新しいエントリ %n 件はまだ検証されていません。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was acknowledged: %1</source>
        <translation>何も確認済みになりませんでした: %1</translation>
    </message>
    <message numerus="yes">
        <source>Acknowledged %n recovery(ies).</source>
        <translation>
            <numerusform>リカバリ %n 件を確認済みにしました。</numerusform>
        </translation>
    </message>
    <message>
        <source>recovery #%1 (%2 of cluster %3, %4)</source>
        <translation>リカバリ #%1 (クラスター %3 の %2、%4)</translation>
    </message>
    <message>
        <source>recovery #%1</source>
        <translation>リカバリ #%1</translation>
    </message>
    <message numerus="yes">
        <source>%n unacknowledged recovery(ies) of cluster %1</source>
        <translation>
            <numerusform>クラスター %1 の未確認リカバリ %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>all %n unacknowledged recovery(ies), of every cluster</source>
        <translation>
            <numerusform>全クラスターの未確認リカバリ %n 件すべて</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::AutoFailoverToggle</name>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Auto-failover</source>
        <translation>自動フェイルオーバー</translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation>オンにする</translation>
    </message>
    <message>
        <source>Cannot open the store to read or change AutoFailover: %1</source>
        <translation>AutoFailover の読み取り・変更に必要なストアを開けません: %1</translation>
    </message>
    <message>
        <source>Turn automatic failover on?</source>
        <translation>自動フェイルオーバーをオンにしますか？</translation>
    </message>
    <message>
        <source>Topograph will then recover a dead master on its own, without asking anyone, in every cluster that RecoverMasterClusterFilters covers. Other clusters stay detect-and-report only.</source>
        <translation>オンにすると、Topograph は RecoverMasterClusterFilters の対象となるすべてのクラスターで、ダウンしたマスターを誰にも確認せず自動でリカバリします。その他のクラスターは引き続き検出と通知のみです。</translation>
    </message>
    <message>
        <source>RecoverMasterClusterFilters is empty, so it covers no cluster: turning this on changes nothing until you add filters in Failover settings.</source>
        <translation>RecoverMasterClusterFilters が空のため、対象クラスターがありません。フェイルオーバー設定でフィルターを追加するまで、オンにしても何も変わりません。</translation>
    </message>
    <message>
        <source>No fleet has been discovered yet. The filters are: %1</source>
        <translation>まだサーバーが検出されていません。フィルター: %1</translation>
    </message>
    <message>
        <source>Covered (recovered automatically): %1</source>
        <translation>対象 (自動リカバリ): %1</translation>
    </message>
    <message>
        <source>Not covered (detected and reported only): %1</source>
        <translation>対象外 (検出と通知のみ): %1</translation>
    </message>
    <message>
        <source>Dead intermediate masters are recovered automatically in: %1 (RecoverIntermediateMasterClusterFilters)</source>
        <translation>ダウンした中間マスターを自動リカバリするクラスター: %1 (RecoverIntermediateMasterClusterFilters)</translation>
    </message>
    <message>
        <source>After a recovery, further automatic recoveries of that cluster wait %1 (RecoveryPeriodBlockSeconds) unless the recovery is acknowledged.</source>
        <translation>リカバリ後は、そのリカバリが確認済みにならない限り、同じクラスターの次の自動リカバリは %1 待機します (RecoveryPeriodBlockSeconds)。</translation>
    </message>
    <message>
        <source>No store is open: AutoFailover cannot be changed.</source>
        <translation>ストアが開かれていないため、AutoFailover を変更できません。</translation>
    </message>
    <message>
        <source>Turn on automatic failover</source>
        <translation>自動フェイルオーバーをオンにする</translation>
    </message>
    <message>
        <source>turned on from the auto-failover heart</source>
        <translation>自動フェイルオーバーのハートからオン</translation>
    </message>
    <message>
        <source>turned off from the auto-failover heart</source>
        <translation>自動フェイルオーバーのハートからオフ</translation>
    </message>
    <message>
        <source>AutoFailover was not changed: %1</source>
        <translation>AutoFailover は変更されませんでした: %1</translation>
    </message>
    <message>
        <source>Auto-failover: unknown (no store open)</source>
        <translation>自動フェイルオーバー: 不明 (ストアが開かれていません)</translation>
    </message>
    <message>
        <source>Auto-failover off: detect and report only</source>
        <translation>自動フェイルオーバー オフ: 検出と通知のみ</translation>
    </message>
    <message>
        <source>Auto-failover ON, but RecoverMasterClusterFilters covers no cluster</source>
        <translation>自動フェイルオーバー オン、ただし RecoverMasterClusterFilters の対象クラスターなし</translation>
    </message>
    <message>
        <source>Auto-failover ON</source>
        <translation>自動フェイルオーバー オン</translation>
    </message>
    <message>
        <source>Auto-failover ON, clusters covered: %1 of %2</source>
        <translation>自動フェイルオーバー オン、対象クラスター: %2 中 %1</translation>
    </message>
    <message>
        <source>Click to turn automatic failover off (detect and report only).</source>
        <translation>クリックすると自動フェイルオーバーをオフにします (検出と通知のみ)。</translation>
    </message>
    <message>
        <source>Click to let Topograph recover dead masters on its own.</source>
        <translation>クリックすると、Topograph がダウンしたマスターを自動でリカバリするようになります。</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::BlockedRecoveriesPanel</name>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>クラスター</translation>
    </message>
    <message>
        <source>Failed instance</source>
        <translation>障害インスタンス</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Blocked by</source>
        <translation>ブロック元</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Acknowledge blocking recovery…</source>
        <translation>ブロック元のリカバリを確認済みにする…</translation>
    </message>
    <message>
        <source>Acknowledge the recovery that blocks the selected attempt, so automatic recoveries of its cluster may run again.</source>
        <translation>選択した試行をブロックしているリカバリを確認済みにして、そのクラスターの自動リカバリを再び実行できるようにします。</translation>
    </message>
    <message>
        <source>recovery #%1</source>
        <translation>リカバリ #%1</translation>
    </message>
    <message>
        <source>▶ blocked while recovery #%1 runs</source>
        <translation>▶ リカバリ #%1 の実行中のためブロック</translation>
    </message>
    <message>
        <source>⊘ blocked: acknowledge the blocking recovery to unblock</source>
        <translation>⊘ ブロック中: ブロック元のリカバリを確認済みにすると解除されます</translation>
    </message>
    <message>
        <source>✓ unblocked (recovery #%1 acknowledged)</source>
        <translation>✓ ブロック解除 (リカバリ #%1 確認済み)</translation>
    </message>
    <message>
        <source>refused once (no blocking recovery)</source>
        <translation>1 回拒否 (ブロック元のリカバリなし)</translation>
    </message>
    <message numerus="yes">
        <source>⊘ %n automatic recovery attempt(s) blocked by unacknowledged recoveries. Acknowledge the blocking recovery to unblock.</source>
        <translation>
            <numerusform>⊘ 自動リカバリの試行 %n 件が未確認のリカバリによってブロックされています。ブロック元のリカバリを確認済みにすると解除されます。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No automatic recovery is blocked by an unacknowledged recovery. Attempts refused in the last %n day(s) are listed for context.</source>
        <translation>
            <numerusform>未確認のリカバリによってブロックされている自動リカバリはありません。参考として、過去 %n 日間に拒否された試行を表示しています。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::ChartsPanel</name>
    <message>
        <source>Export PNG…</source>
        <translation>PNG エクスポート…</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>直近 5 分</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>直近 15 分</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>直近 1 時間</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>直近 6 時間</translation>
    </message>
    <message>
        <source>How far back the charts reach. Older points are merged: each point is the worst value of its interval, so a spike is never averaged away.</source>
        <translation>チャートに表示する期間です。古い点はまとめられ、各点はその区間の最悪値になるため、スパイクが平均化で消えることはありません。</translation>
    </message>
    <message>
        <source>Save both charts, as shown, to a PNG image</source>
        <translation>両方のチャートを表示どおりに PNG 画像として保存</translation>
    </message>
    <message>
        <source>Seconds_Behind_Master of each replica. A hole means the lag was unknown: a replication thread was stopped (the server says NULL) or the server did not answer.</source>
        <translation>各レプリカの Seconds_Behind_Master です。線が途切れている箇所は遅延が不明だったことを示します: レプリケーションスレッドが停止していた (サーバーが NULL を返した) か、サーバーが応答しませんでした。</translation>
    </message>
    <message>
        <source>How long one probe of each server took (connection reused). A hole means the probe failed.</source>
        <translation>各サーバーへのプローブ 1 回にかかった時間 (接続は再利用)。線が途切れている箇所はプローブの失敗を示します。</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>期間(&amp;R):</translation>
    </message>
    <message>
        <source>Export charts as PNG</source>
        <translation>チャートを PNG でエクスポート</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>%1 (master)</source>
        <translation>%1 (マスター)</translation>
    </message>
    <message>
        <source>One point per %1 s: the worst value of that interval.</source>
        <translation>%1 秒ごとに 1 点: その区間の最悪値。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Replication lag (no cluster selected)</source>
        <translation>レプリケーション遅延 (クラスター未選択)</translation>
    </message>
    <message>
        <source>Probe latency (no cluster selected)</source>
        <translation>プローブ応答時間 (クラスター未選択)</translation>
    </message>
    <message>
        <source>Replication lag of the replicas of %1</source>
        <translation>%1 のレプリカのレプリケーション遅延</translation>
    </message>
    <message>
        <source>Probe latency of the instances of %1</source>
        <translation>%1 のインスタンスのプローブ応答時間</translation>
    </message>
    <message>
        <source>ReasonableReplicationLagSeconds (%1 s)</source>
        <translation>ReasonableReplicationLagSeconds (%1秒)</translation>
    </message>
    <message>
        <source>the charts have no size (is the dock collapsed?)</source>
        <translation>チャートのサイズが 0 です (ドックが折りたたまれていませんか？)</translation>
    </message>
    <message>
        <source>Could not save the charts to %1: %2.</source>
        <translation>チャートを %1 に保存できませんでした: %2。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::ClusterList</name>
    <message>
        <source>Cluster</source>
        <translation>クラスター</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>台数</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Unacked</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>Auto-failover</source>
        <translation>自動フェイルオーバー</translation>
    </message>
    <message>
        <source>Instances in the cluster</source>
        <translation>クラスター内のインスタンス数</translation>
    </message>
    <message>
        <source>Recoveries nobody has acknowledged yet</source>
        <translation>まだ誰も確認済みにしていないリカバリ</translation>
    </message>
    <message>
        <source>Whether Topograph recovers a dead master of this cluster on its own (AutoFailover and RecoverMasterClusterFilters)</source>
        <translation>このクラスターのダウンしたマスターを Topograph が自動でリカバリするかどうか (AutoFailover と RecoverMasterClusterFilters)</translation>
    </message>
    <message>
        <source>off: detect only</source>
        <translation>オフ: 検出のみ</translation>
    </message>
    <message>
        <source>not covered by the filters</source>
        <translation>フィルター対象外</translation>
    </message>
    <message>
        <source>on (%1)</source>
        <translation>オン (%1)</translation>
    </message>
    <message>
        <source>running</source>
        <translation>実行中</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::ConnectionContext</name>
    <message>
        <source>no password for %1: no keychain entry &apos;%2&apos; (service &apos;%3&apos;) and none kept for this session; store one with File &gt; Connections… or start with --password-env VAR</source>
        <translation>%1 のパスワードがありません: キーチェーン項目 &apos;%2&apos; (サービス &apos;%3&apos;) がなく、このセッションで保持しているものもありません。ファイル &gt; 接続… で保存するか、--password-env VAR を付けて起動してください</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::ConnectionForm</name>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM ファイル (*.pem *.crt *.key);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>ユーザー(&amp;U):</translation>
    </message>
    <message>
        <source>leave empty to use the stored password</source>
        <translation>空欄なら保存済みのパスワードを使用</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <source>PREFERRED and REQUIRED encrypt without checking the server&apos;s certificate; VERIFY_CA checks it against the CA file; VERIFY_IDENTITY also checks the host name.</source>
        <translation>PREFERRED と REQUIRED はサーバー証明書を検証せずに暗号化します。VERIFY_CA は CA ファイルで証明書を検証し、VERIFY_IDENTITY はホスト名も検証します。</translation>
    </message>
    <message>
        <source>&amp;TLS (ssl-mode):</source>
        <translation>&amp;TLS (ssl-mode):</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>CA ファイル(&amp;C):</translation>
    </message>
    <message>
        <source>CA certificate (PEM)</source>
        <translation>CA 証明書 (PEM)</translation>
    </message>
    <message>
        <source>Client c&amp;ertificate:</source>
        <translation>クライアント証明書(&amp;E):</translation>
    </message>
    <message>
        <source>Client certificate (PEM)</source>
        <translation>クライアント証明書 (PEM)</translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation>クライアントキー(&amp;K):</translation>
    </message>
    <message>
        <source>Client key (PEM)</source>
        <translation>クライアントキー (PEM)</translation>
    </message>
    <message>
        <source>Keep the password for this session only (in memory, never written to disk)</source>
        <translation>このセッションの間だけパスワードを保持 (メモリ内のみ、ディスクには書き込みません)</translation>
    </message>
    <message>
        <source>The OS keychain cannot be used here (%1). A password can only be kept for this session.</source>
        <translation>ここでは OS キーチェーンを使用できません (%1)。パスワードはこのセッションの間だけ保持できます。</translation>
    </message>
    <message>
        <source>Keep for This Session Only</source>
        <translation>このセッションのみ保持</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA ファイル</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>クライアント証明書</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>クライアントキー</translation>
    </message>
    <message>
        <source>%1: %2 is not a file; choose an existing PEM file or clear the field</source>
        <translation>%1: %2 はファイルではありません。既存の PEM ファイルを選ぶか、欄を空にしてください</translation>
    </message>
    <message>
        <source>A client certificate and a client key go together: give both or neither</source>
        <translation>クライアント証明書とクライアントキーは組で使います: 両方指定するか、どちらも空にしてください</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1 に接続中…</translation>
    </message>
    <message>
        <source>Saved %1. Its password was left as it was.</source>
        <translation>%1 を保存しました。パスワードは変更していません。</translation>
    </message>
    <message>
        <source>Saved %1. Its password is kept for this session only, in memory: Topograph forgets it when it quits.</source>
        <translation>%1 を保存しました。パスワードはこのセッションの間だけメモリに保持され、Topograph の終了時に破棄されます。</translation>
    </message>
    <message>
        <source>Saved the settings of %1, but NOT its password: %2
Keep it for this session only (in memory, forgotten when Topograph quits), or start Topograph with --password-env VAR.</source>
        <translation>%1 の設定は保存しましたが、パスワードは保存していません: %2
このセッションの間だけ保持する (メモリ内のみ、Topograph の終了時に破棄) か、--password-env VAR を付けて Topograph を起動してください。</translation>
    </message>
    <message>
        <source>the OS keychain cannot be used here.</source>
        <translation>ここでは OS キーチェーンを使用できません。</translation>
    </message>
    <message>
        <source>Storing the password in the OS keychain…</source>
        <translation>OS キーチェーンにパスワードを保存中…</translation>
    </message>
    <message>
        <source>Saved %1. Its password is in the OS keychain (service &apos;%2&apos;, account &apos;%3&apos;).</source>
        <translation>%1 を保存しました。パスワードは OS キーチェーンにあります (サービス &apos;%2&apos;、アカウント &apos;%3&apos;)。</translation>
    </message>
    <message>
        <source>Forgot the session password of %1; the keychain cannot be reached (%2), so nothing was removed from it.</source>
        <translation>%1 のセッションパスワードを破棄しました。キーチェーンにアクセスできないため (%2)、キーチェーンからは何も削除していません。</translation>
    </message>
    <message>
        <source>Removed the password of %1 from the OS keychain.</source>
        <translation>OS キーチェーンから %1 のパスワードを削除しました。</translation>
    </message>
    <message>
        <source>Could not remove the password of %1 from the OS keychain: %2</source>
        <translation>OS キーチェーンから %1 のパスワードを削除できませんでした: %2</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::ConnectionManagerDialog</name>
    <message>
        <source>Seeds: %1</source>
        <translation>シード: %1</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>接続</translation>
    </message>
    <message>
        <source>How Topograph connects to each cluster. A profile applies to the servers of the cluster it is named after (name or alias), and to those discovered from its seeds; every other server uses the command line&apos;s settings. Passwords go to the OS keychain, never to a file.</source>
        <translation>Topograph が各クラスターに接続する方法です。プロファイルは、その名前 (クラスター名またはエイリアス) のクラスターのサーバーと、そのシードから検出されたサーバーに適用されます。それ以外のサーバーはコマンドラインの設定を使用します。パスワードはファイルではなく OS キーチェーンに保存されます。</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新規(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>cluster name or alias, or HOST:PORT</source>
        <translation>クラスター名またはエイリアス、または HOST:PORT</translation>
    </message>
    <message>
        <source>HOST:PORT, …</source>
        <translation>HOST:PORT, …</translation>
    </message>
    <message>
        <source>Servers to discover the cluster from, separated by commas; the port defaults to 3306.</source>
        <translation>クラスターの検出元となるサーバー。カンマ区切りで、ポートの既定値は 3306 です。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>S&amp;eeds:</source>
        <translation>シード(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>接続テスト(&amp;T)</translation>
    </message>
    <message>
        <source>Name: give the cluster&apos;s name or alias, or a seed HOST:PORT</source>
        <translation>名前: クラスター名かエイリアス、またはシードの HOST:PORT を入力してください</translation>
    </message>
    <message>
        <source>Nothing to test against: add a seed HOST:PORT (or name the profile HOST:PORT)</source>
        <translation>テスト対象がありません: シード HOST:PORT を追加してください (またはプロファイル名を HOST:PORT にしてください)</translation>
    </message>
    <message>
        <source>Remove the profile %1 and its password (keychain account %2)? Its servers then use the command line&apos;s settings.</source>
        <translation>プロファイル %1 とそのパスワード (キーチェーンアカウント %2) を削除しますか？以後、そのサーバーはコマンドラインの設定を使用します。</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::ConnectionProfiles</name>
    <message>
        <source>cannot write the connection settings to %1; check that the file and its folder are writable</source>
        <translation>接続設定を %1 に書き込めません。ファイルとそのフォルダーが書き込み可能か確認してください</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::DiscoverDialog</name>
    <message>
        <source>Discover a Topology</source>
        <translation>トポロジーの検出</translation>
    </message>
    <message>
        <source>Give one server of the topology. Topograph connects to it, then follows its master and replicas to find the rest, with the same login.</source>
        <translation>トポロジー内のサーバーを 1 台指定してください。Topograph はそのサーバーに接続し、同じログイン情報でマスターとレプリカをたどって残りを検出します。</translation>
    </message>
    <message>
        <source>HOST:PORT (port 3306 when left out)</source>
        <translation>HOST:PORT (ポート省略時は 3306)</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>シード(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>接続テスト(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Discover</source>
        <translation>検出(&amp;D)</translation>
    </message>
    <message>
        <source>Seed: %1</source>
        <translation>シード: %1</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::Duration</name>
    <message>
        <source>%1 s</source>
        <translation>%1秒</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1日</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1時間</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1分</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::ExportDialog</name>
    <message>
        <source>PDF document</source>
        <translation>PDF ドキュメント</translation>
    </message>
    <message>
        <source>HTML page</source>
        <translation>HTML ページ</translation>
    </message>
    <message>
        <source>CSV (spreadsheet)</source>
        <translation>CSV (スプレッドシート)</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>監査ログのエクスポート</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>形式(&amp;F):</translation>
    </message>
    <message>
        <source>All clusters</source>
        <translation>すべてのクラスター</translation>
    </message>
    <message>
        <source>&amp;Cluster:</source>
        <translation>クラスター(&amp;C):</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全期間</translation>
    </message>
    <message>
        <source>from</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>to</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Local time; the end is exclusive.</source>
        <translation>ローカル時刻。終了時刻は含みません。</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期間(&amp;P):</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>ファイル(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>エクスポート(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>開く(&amp;O)</translation>
    </message>
    <message numerus="yes">
        <source>Writing %1… %n s</source>
        <translation>
            <numerusform>%1 を書き込み中… %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (*.%2)</source>
        <translation>%1 (*.%2)</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation>書き込むファイルを選択してください。</translation>
    </message>
    <message>
        <source>%1 is a folder; choose a file name in it.</source>
        <translation>%1 はフォルダーです。その中のファイル名を指定してください。</translation>
    </message>
    <message>
        <source>The period ends before it starts; correct the dates or tick All time.</source>
        <translation>期間の終了が開始より前です。日付を修正するか、「全期間」にチェックを入れてください。</translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation>ファイルを置き換えますか？</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 は既に存在します。置き換えますか？</translation>
    </message>
    <message>
        <source>Topograph audit report</source>
        <translation>Topograph 監査レポート</translation>
    </message>
    <message>
        <source>Wrote %1 (%L2 bytes) to %3 in %4 s.</source>
        <translation>%1 (%L2 バイト) を %3 に書き込みました (%4 秒)。</translation>
    </message>
    <message>
        <source>Could not export to %1: %2</source>
        <translation>%1 にエクスポートできませんでした: %2</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 を書き込み中…</translation>
    </message>
    <message>
        <source>No application could open %1; open it from your file manager.</source>
        <translation>%1 を開けるアプリケーションがありません。ファイルマネージャーから開いてください。</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::FailoverSettingsDialog</name>
    <message>
        <source>Failover settings</source>
        <translation>フェイルオーバー設定</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON ファイル (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Import failover policy</source>
        <translation>フェイルオーバーポリシーのインポート</translation>
    </message>
    <message>
        <source>Export failover policy</source>
        <translation>フェイルオーバーポリシーのエクスポート</translation>
    </message>
    <message>
        <source>Recovery filters</source>
        <translation>リカバリフィルター</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>タイミング</translation>
    </message>
    <message>
        <source>Hooks</source>
        <translation>フック</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>昇格</translation>
    </message>
    <message>
        <source>why (kept in the policy history and the audit log)</source>
        <translation>変更理由 (ポリシー履歴と監査ログに残ります)</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>コメント:</translation>
    </message>
    <message>
        <source>Import...</source>
        <translation>インポート...</translation>
    </message>
    <message>
        <source>Fill the tabs from a policy JSON file (as topograph-cli policy export writes it).</source>
        <translation>ポリシー JSON ファイル (topograph-cli policy export が書き出す形式) の内容でタブを埋めます。</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>エクスポート...</translation>
    </message>
    <message>
        <source>Write what the tabs show to a policy JSON file.</source>
        <translation>タブに表示されている内容をポリシー JSON ファイルに書き出します。</translation>
    </message>
    <message>
        <source>Cannot open the store, so nothing can be saved: %1</source>
        <translation>ストアを開けないため、何も保存できません: %1</translation>
    </message>
    <message>
        <source>%1. Saving replaces the stored policy with what these tabs show.</source>
        <translation>%1。保存すると、保存済みのポリシーがこれらのタブの内容で置き換えられます。</translation>
    </message>
    <message>
        <source>One entry per row: * (every cluster), alias=NAME, alias~=REGEX, an exact cluster name, or a regular expression on the cluster name. Expressions match the WHOLE name: db1 does not cover db10:3306; write db1.* for a prefix.</source>
        <translation>1 行に 1 エントリ: * (すべてのクラスター)、alias=NAME、alias~=REGEX、完全なクラスター名、またはクラスター名に対する正規表現。式は名前「全体」に一致する必要があります: db1 は db10:3306 に一致しません。前方一致には db1.* と書いてください。</translation>
    </message>
    <message>
        <source>Clusters whose dead master Topograph recovers on its own while automatic failover is on.</source>
        <translation>自動フェイルオーバーがオンのとき、Topograph がダウンしたマスターを自動でリカバリするクラスター。</translation>
    </message>
    <message>
        <source>Clusters whose dead intermediate masters (replicas with replicas) are recovered on their own. Same syntax.</source>
        <translation>ダウンした中間マスター (レプリカを持つレプリカ) を自動でリカバリするクラスター。構文は同じです。</translation>
    </message>
    <message>
        <source>Host names never promoted, as regular expressions matched against the WHOLE host name: 10\.2\.9\.6 does not match 10.2.9.67. The port is not part of the name.</source>
        <translation>決して昇格させないホスト名。ホスト名「全体」に一致する正規表現で指定します: 10\.2\.9\.6 は 10.2.9.67 に一致しません。ポートは名前に含まれません。</translation>
    </message>
    <message>
        <source>Automatic failover is ON (the heart in the toolbar): clusters these filters cover are recovered without asking anyone.</source>
        <translation>自動フェイルオーバーはオンです (ツールバーのハート): これらのフィルターの対象クラスターは、誰にも確認せずにリカバリされます。</translation>
    </message>
    <message>
        <source>Automatic failover is OFF (the heart in the toolbar): these filters take effect once it is turned on.</source>
        <translation>自動フェイルオーバーはオフです (ツールバーのハート): オンにすると、これらのフィルターが有効になります。</translation>
    </message>
    <message>
        <source>Fix this first: %1</source>
        <translation>先にこれを修正してください: %1</translation>
    </message>
    <message>
        <source>Nothing can be saved: no store is open.</source>
        <translation>保存できません: ストアが開かれていません。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>保存されていません: %1</translation>
    </message>
    <message>
        <source>changed in Failover settings</source>
        <translation>フェイルオーバー設定で変更</translation>
    </message>
    <message>
        <source>The policy was saved, but the promotion rule of %1 was not: %2</source>
        <translation>ポリシーは保存しましたが、%1 の昇格ルールは保存できませんでした: %2</translation>
    </message>
    <message>
        <source>Cannot import %1: %2. Nothing was changed.</source>
        <translation>%1 をインポートできません: %2。何も変更していません。</translation>
    </message>
    <message>
        <source>it is not valid JSON (%1 at offset %2)</source>
        <translation>有効な JSON ではありません (オフセット %2 で %1)</translation>
    </message>
    <message>
        <source>it is not a JSON object with policy keys</source>
        <translation>ポリシーキーを持つ JSON オブジェクトではありません</translation>
    </message>
    <message>
        <source>Imported %1. Review the tabs and press Save to apply it.</source>
        <translation>%1 をインポートしました。タブを確認し、「保存」を押して適用してください。</translation>
    </message>
    <message>
        <source>AutoFailover in the file (%1) is not applied: turn it on or off with the heart in the toolbar.</source>
        <translation>ファイル内の AutoFailover (%1) は適用されません: ツールバーのハートでオン/オフしてください。</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>エクスポートされていません: %1</translation>
    </message>
    <message>
        <source>Cannot export to %1: %2</source>
        <translation>%1 にエクスポートできません: %2</translation>
    </message>
    <message>
        <source>Exported to %1 (what these tabs show, saved or not).</source>
        <translation>%1 にエクスポートしました (保存の有無にかかわらず、これらのタブの内容)。</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::FilterListEditor</name>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>Entries are tried in order; the first one that matches is named in explanations.</source>
        <translation>エントリは上から順に評価され、最初に一致したものが説明に表示されます。</translation>
    </message>
    <message>
        <source>e.g. *, alias=sales, alias~=prod-.*, db1.*:3306</source>
        <translation>例: *, alias=sales, alias~=prod-.*, db1.*:3306</translation>
    </message>
    <message>
        <source>e.g. backup-.*, 10\.2\.9\.6</source>
        <translation>例: backup-.*, 10\.2\.9\.6</translation>
    </message>
    <message>
        <source>Entry:</source>
        <translation>エントリ:</translation>
    </message>
    <message>
        <source>Row %1 is not valid: %2</source>
        <translation>%1 行目が無効です: %2</translation>
    </message>
    <message>
        <source>The preview waits until the marked entry is fixed.</source>
        <translation>マークされたエントリが修正されるまで、プレビューは保留されます。</translation>
    </message>
    <message>
        <source>Empty: covers no cluster.</source>
        <translation>空: 対象クラスターなし。</translation>
    </message>
    <message>
        <source>No fleet discovered yet: nothing to preview.</source>
        <translation>まだサーバーが検出されていないため、プレビューできません。</translation>
    </message>
    <message>
        <source>Covers clusters: %1</source>
        <translation>対象クラスター: %1</translation>
    </message>
    <message>
        <source>Does not cover: %1</source>
        <translation>対象外: %1</translation>
    </message>
    <message>
        <source>Empty: no host is excluded from promotion by name.</source>
        <translation>空: 名前で昇格対象から除外されるホストはありません。</translation>
    </message>
    <message>
        <source>Never promotes: no instance of the current fleet matches.</source>
        <translation>昇格対象外: 現在検出されているインスタンスに一致するものはありません。</translation>
    </message>
    <message>
        <source>Never promotes: %1</source>
        <translation>昇格対象外: %1</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::FleetTray</name>
    <message>
        <source>Topograph: no snapshot yet</source>
        <translation>Topograph: スナップショットはまだありません</translation>
    </message>
    <message>
        <source>Topograph: %1 instances in %2 clusters</source>
        <translation>Topograph: %2 クラスター、%1 インスタンス</translation>
    </message>
    <message numerus="yes">
        <source>%n serious problem(s): </source>
        <translation>
            <numerusform>重大な問題 %n 件: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>警告 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>all healthy</source>
        <translation>すべて正常</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2: %1</translation>
    </message>
    <message>
        <source>Cluster %1: %2</source>
        <translation>クラスター %1: %2</translation>
    </message>
    <message>
        <source>Recovery of %1 succeeded</source>
        <translation>%1 のリカバリに成功しました</translation>
    </message>
    <message>
        <source>Recovery of %1 FAILED</source>
        <translation>%1 のリカバリに失敗しました</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::HookListEditor</name>
    <message>
        <source>When a recoverable failure is detected, before anything is done.</source>
        <translation>リカバリ可能な障害を検出したとき (何かを行う前)。</translation>
    </message>
    <message>
        <source>Before a failover. A non-zero exit aborts it: the place to fence the old master.</source>
        <translation>フェイルオーバーの前。終了コードが 0 以外なら中止されます: 旧マスターをフェンシングする場所です。</translation>
    </message>
    <message>
        <source>After a dead master was recovered.</source>
        <translation>ダウンしたマスターのリカバリ後。</translation>
    </message>
    <message>
        <source>After a dead intermediate master was recovered.</source>
        <translation>ダウンした中間マスターのリカバリ後。</translation>
    </message>
    <message>
        <source>After any successful recovery.</source>
        <translation>リカバリが成功した後 (種類を問わず)。</translation>
    </message>
    <message>
        <source>After a recovery failed; TOPOGRAPH_ERROR says why.</source>
        <translation>リカバリが失敗した後。TOPOGRAPH_ERROR に理由が入ります。</translation>
    </message>
    <message>
        <source>Before a planned switchover. A non-zero exit aborts it.</source>
        <translation>計画的スイッチオーバーの前。終了コードが 0 以外なら中止されます。</translation>
    </message>
    <message>
        <source>After a planned switchover.</source>
        <translation>計画的スイッチオーバーの後。</translation>
    </message>
    <message>
        <source>Each hook point runs its commands in order, without a shell. Type one command per row: arguments separated by spaces, &quot;double quotes&quot; around an argument with spaces, &quot;&quot;&quot; for a literal quote. For shell features run a shell yourself: /bin/sh -c &quot;...&quot;. The event arrives in environment variables (TOPOGRAPH_CLUSTER, TOPOGRAPH_FAILED_HOST, TOPOGRAPH_SUCCESSOR_HOST, ...), never spliced into the command, so a hostile host name cannot inject one.</source>
        <translation>各フックポイントは、コマンドをシェルを介さずに順に実行します。1 行に 1 コマンドを入力してください: 引数は空白で区切り、空白を含む引数は &quot;ダブルクォート&quot; で囲み、引用符そのものは &quot;&quot;&quot; と書きます。シェルの機能が必要なら自分でシェルを起動してください: /bin/sh -c &quot;...&quot;。イベントは環境変数 (TOPOGRAPH_CLUSTER, TOPOGRAPH_FAILED_HOST, TOPOGRAPH_SUCCESSOR_HOST, ...) で渡され、コマンドに埋め込まれることはないため、悪意のあるホスト名でコマンドを注入することはできません。</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>/usr/local/bin/notify --event failover</source>
        <translation>/usr/local/bin/notify --event failover</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>コマンド:</translation>
    </message>
    <message>
        <source>Runs:</source>
        <translation>実行内容:</translation>
    </message>
    <message>
        <source>Test hook</source>
        <translation>フックをテスト</translation>
    </message>
    <message>
        <source>Runs the selected command now, with a sample event, and shows what it did.</source>
        <translation>選択したコマンドをサンプルイベントで今すぐ実行し、結果を表示します。</translation>
    </message>
    <message>
        <source>The output of a test run appears here.</source>
        <translation>テスト実行の出力がここに表示されます。</translation>
    </message>
    <message>
        <source>%1, command %2: a double quote is not closed</source>
        <translation>%1、コマンド %2: ダブルクォートが閉じられていません</translation>
    </message>
    <message>
        <source>No fleet discovered yet: a test event names no servers. TOPOGRAPH_HOOK_TEST=1 tells the hook it is a test.</source>
        <translation>まだサーバーが検出されていないため、テストイベントにはサーバー名が入りません。TOPOGRAPH_HOOK_TEST=1 でフックにテストであることを伝えます。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>A test runs with a sample event: cluster %1, failed %2, successor %3. TOPOGRAPH_HOOK_TEST=1 tells the hook it is a test.</source>
        <translation>テストはサンプルイベントで実行されます: クラスター %1、障害 %2、後継 %3。TOPOGRAPH_HOOK_TEST=1 でフックにテストであることを伝えます。</translation>
    </message>
    <message>
        <source>sample error: this is a test run</source>
        <translation>サンプルエラー: これはテスト実行です</translation>
    </message>
    <message>
        <source>A double quote is not closed: close it, or write &quot;&quot;&quot; for a literal quote.</source>
        <translation>ダブルクォートが閉じられていません: 閉じるか、引用符そのものは &quot;&quot;&quot; と書いてください。</translation>
    </message>
    <message>
        <source>%1 is not an executable program on this machine.</source>
        <translation>%1 はこのマシンで実行可能なプログラムではありません。</translation>
    </message>
    <message>
        <source>Running %1 (at most %2)...</source>
        <translation>%1 を実行中 (最大 %2)...</translation>
    </message>
    <message>
        <source>✖ Could not start: %1</source>
        <translation>✖ 起動できませんでした: %1</translation>
    </message>
    <message>
        <source>✖ Timed out after %1 ms and was killed</source>
        <translation>✖ %1 ms でタイムアウトし、強制終了されました</translation>
    </message>
    <message>
        <source>Exit status %1 after %2 ms</source>
        <translation>終了ステータス %1 (%2 ms)</translation>
    </message>
    <message>
        <source>(no output)</source>
        <translation>(出力なし)</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::InstanceDetails</name>
    <message>
        <source>Fact</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>%1 d %2 h %3 min</source>
        <translation>%1日%2時間%3分</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>識別情報</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>プローブ</translation>
    </message>
    <message>
        <source>Writeability and binary log</source>
        <translation>書き込み可否とバイナリログ</translation>
    </message>
    <message>
        <source>GTID</source>
        <translation>GTID</translation>
    </message>
    <message>
        <source>Semi-synchronous replication</source>
        <translation>準同期レプリケーション</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>到達可能</translation>
    </message>
    <message>
        <source>no: %1</source>
        <translation>いいえ: %1</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最後のエラー</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>最終チェック</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最終応答</translation>
    </message>
    <message>
        <source>Probe time</source>
        <translation>プローブ時間</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Downtime</source>
        <translation>ダウンタイム</translation>
    </message>
    <message>
        <source>until %1 by %2: %3</source>
        <translation>%1 まで、設定者 %2: %3</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>メンテナンス</translation>
    </message>
    <message>
        <source>Promotion rule</source>
        <translation>昇格ルール</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>ホスト名</translation>
    </message>
    <message>
        <source>Server ID</source>
        <translation>サーバー ID</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Flavour</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>稼働時間</translation>
    </message>
    <message>
        <source>Server UUID</source>
        <translation>サーバー UUID</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>クラスター</translation>
    </message>
    <message>
        <source>read_only</source>
        <translation>read_only</translation>
    </message>
    <message>
        <source>super_read_only</source>
        <translation>super_read_only</translation>
    </message>
    <message>
        <source>log_bin</source>
        <translation>log_bin</translation>
    </message>
    <message>
        <source>log_slave_updates</source>
        <translation>log_slave_updates</translation>
    </message>
    <message>
        <source>binlog_format</source>
        <translation>binlog_format</translation>
    </message>
    <message>
        <source>Binary log position</source>
        <translation>バイナリログ位置</translation>
    </message>
    <message>
        <source>slave_net_timeout</source>
        <translation>slave_net_timeout</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1秒</translation>
    </message>
    <message>
        <source>Replicas it reports</source>
        <translation>報告されたレプリカ</translation>
    </message>
    <message>
        <source> (from the process list)</source>
        <translation> (プロセスリストより)</translation>
    </message>
    <message>
        <source>gtid_domain_id</source>
        <translation>gtid_domain_id</translation>
    </message>
    <message>
        <source>gtid_current_pos</source>
        <translation>gtid_current_pos</translation>
    </message>
    <message>
        <source>gtid_binlog_pos</source>
        <translation>gtid_binlog_pos</translation>
    </message>
    <message>
        <source>gtid_slave_pos</source>
        <translation>gtid_slave_pos</translation>
    </message>
    <message>
        <source>gtid_strict_mode</source>
        <translation>gtid_strict_mode</translation>
    </message>
    <message>
        <source>gtid_mode</source>
        <translation>gtid_mode</translation>
    </message>
    <message>
        <source>gtid_executed</source>
        <translation>gtid_executed</translation>
    </message>
    <message>
        <source>gtid_purged</source>
        <translation>gtid_purged</translation>
    </message>
    <message>
        <source>Replication (default connection)</source>
        <translation>レプリケーション (デフォルト接続)</translation>
    </message>
    <message>
        <source>Replication channel &apos;%1&apos;</source>
        <translation>レプリケーションチャネル &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source> as %1</source>
        <translation> (ユーザー %1)</translation>
    </message>
    <message>
        <source>IO thread</source>
        <translation>IO スレッド</translation>
    </message>
    <message>
        <source>SQL thread</source>
        <translation>SQL スレッド</translation>
    </message>
    <message>
        <source>Seconds behind master</source>
        <translation>マスターからの遅延</translation>
    </message>
    <message>
        <source>SQL delay</source>
        <translation>SQL 遅延</translation>
    </message>
    <message>
        <source>auto position</source>
        <translation>自動ポジション</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受信</translation>
    </message>
    <message>
        <source>Applied up to</source>
        <translation>適用済み位置</translation>
    </message>
    <message>
        <source>Relay log</source>
        <translation>リレーログ</translation>
    </message>
    <message>
        <source>SSL allowed</source>
        <translation>SSL 許可</translation>
    </message>
    <message>
        <source>Last IO error</source>
        <translation>最後の IO エラー</translation>
    </message>
    <message>
        <source>Last SQL error</source>
        <translation>最後の SQL エラー</translation>
    </message>
    <message>
        <source>Master side</source>
        <translation>マスター側</translation>
    </message>
    <message>
        <source>enabled %1, active %2, %3 clients, waits for %4, timeout %5 ms</source>
        <translation>有効 %1、動作中 %2、クライアント %3、応答待ち %4、タイムアウト %5 ms</translation>
    </message>
    <message>
        <source>Replica side</source>
        <translation>レプリカ側</translation>
    </message>
    <message>
        <source>enabled %1, active %2</source>
        <translation>有効 %1、動作中 %2</translation>
    </message>
    <message>
        <source>Plugins</source>
        <translation>プラグイン</translation>
    </message>
    <message>
        <source>not loaded</source>
        <translation>未ロード</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::InstanceItem</name>
    <message>
        <source>Recover…</source>
        <translation>リカバリ…</translation>
    </message>
    <message>
        <source>⇧ Drop here to promote (graceful takeover)</source>
        <translation>⇧ ここにドロップして昇格 (グレースフルテイクオーバー)</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::KeychainThread</name>
    <message>
        <source>cannot use the keychain entry &apos;%1&apos; (service &apos;%2&apos;): the application is not running (internal error)</source>
        <translation>キーチェーン項目 &apos;%1&apos; (サービス &apos;%2&apos;) を使用できません: アプリケーションが実行されていません (内部エラー)</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::MainWindow</name>
    <message>
        <source>Topograph</source>
        <translation>Topograph</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Topograph</source>
        <translation>Topograph について(&amp;A)</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <source>Find instance (host:port) or cluster alias…</source>
        <translation>host:port かクラスターエイリアスで検索…</translation>
    </message>
    <message>
        <source>No instance or cluster matches “%1”</source>
        <translation>「%1」に一致するインスタンスやクラスターはありません</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-, Ctrl+wheel)</source>
        <translation>縮小 (Ctrl+-、Ctrl+ホイール)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++, Ctrl+wheel)</source>
        <translation>拡大 (Ctrl++、Ctrl+ホイール)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全体表示</translation>
    </message>
    <message>
        <source>Fit the cluster in the view (Ctrl+0)</source>
        <translation>クラスター全体を表示 (Ctrl+0)</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>クラスター</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Recoveries</source>
        <translation>リカバリ</translation>
    </message>
    <message>
        <source>Recovery of %1</source>
        <translation>%1 のリカバリ</translation>
    </message>
    <message>
        <source>Recovery of %1 (from the Recover dialog)</source>
        <translation>%1 のリカバリ (リカバリダイアログから)</translation>
    </message>
    <message>
        <source>Not connected to an engine: nothing was run</source>
        <translation>エンジンに接続されていないため、何も実行していません</translation>
    </message>
    <message>
        <source>Another operation from this window is still running</source>
        <translation>このウィンドウから開始した別の操作がまだ実行中です</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 の %1</translation>
    </message>
    <message>
        <source>Snapshot %1 at %2 · %3 instances in %4 clusters · %5 serious problems</source>
        <translation>スナップショット %1 (%2) · %4 クラスター、%3 インスタンス · 重大な問題 %5 件</translation>
    </message>
    <message numerus="yes">
        <source>%n server(s) of cluster %1</source>
        <translation>
            <numerusform>クラスタ %1 のサーバー %n 台</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 not answering; %n other(s) polled normally</source>
        <translation>
            <numerusform>%1 が応答なし。ほか %n 台は通常どおりポーリング中</numerusform>
        </translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>チャート</translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation>監査ログ</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <source>&amp;Discover…</source>
        <translation>検出(&amp;D)…</translation>
    </message>
    <message>
        <source>Add a seed server: its whole replication tree is discovered (Ctrl+N)</source>
        <translation>シードサーバーを追加: レプリケーションツリー全体を検出します (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>接続(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Export Audit Report…</source>
        <translation>監査レポートのエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>環境設定(&amp;P)…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit Cluster</source>
        <translation>クラスター全体を表示(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Find Instance…</source>
        <translation>インスタンスを検索(&amp;F)…</translation>
    </message>
    <message>
        <source>F&amp;ailover</source>
        <translation>フェイルオーバー(&amp;A)</translation>
    </message>
    <message>
        <source>Failover &amp;Settings…</source>
        <translation>フェイルオーバー設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>Show Topograph</source>
        <translation>Topograph を表示</translation>
    </message>
    <message>
        <source>No store is open: the failover policy lives in the store</source>
        <translation>ストアが開かれていません: フェイルオーバーポリシーはストアに保存されます</translation>
    </message>
    <message>
        <source>Failover policy saved; the engine applies it within a second</source>
        <translation>フェイルオーバーポリシーを保存しました。エンジンは 1 秒以内に適用します</translation>
    </message>
    <message>
        <source>Discovering from %1…</source>
        <translation>%1 から検出中…</translation>
    </message>
    <message>
        <source>Discover</source>
        <translation>検出</translation>
    </message>
    <message>
        <source>Failover Settings</source>
        <translation>フェイルオーバー設定</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>レポートのエクスポート</translation>
    </message>
    <message>
        <source>Replication password stored in the keychain as %1</source>
        <translation>レプリケーションのパスワードをキーチェーンに %1 として保存しました</translation>
    </message>
    <message>
        <source>Replication password not stored: %1</source>
        <translation>レプリケーションのパスワードを保存できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::MetricChart</name>
    <message>
        <source>Local time</source>
        <translation>ローカル時刻</translation>
    </message>
    <message>
        <source>Seconds behind master</source>
        <translation>マスターからの遅延 (秒)</translation>
    </message>
    <message>
        <source>Probe time (ms)</source>
        <translation>プローブ時間 (ms)</translation>
    </message>
    <message numerus="yes">
        <source>%1&lt;br&gt;&lt;small&gt;%n lines: point at one to name it&lt;/small&gt;</source>
        <translation>
            <numerusform>%1&lt;br&gt;&lt;small&gt;線 %n 本: 線を指すと名前が表示されます&lt;/small&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s behind</source>
        <translation>%1秒遅延</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1
%2 at %3</source>
        <translation>%1
%3: %2</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::OperationDialog</name>
    <message>
        <source>Confirm: %1 of %2</source>
        <translation>実行確認: %2 の %1</translation>
    </message>
    <message>
        <source>⚠ Writes are refused while it runs: %1</source>
        <translation>⚠ 実行中は書き込みが拒否されます: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>注意: %1</translation>
    </message>
    <message>
        <source>Run takeover</source>
        <translation>テイクオーバーを実行</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>empty: keychain entry %1 or %2@*</source>
        <translation>空欄の場合: キーチェーン項目 %1 または %2@*</translation>
    </message>
    <message>
        <source>Password of replication user &apos;%1&apos;:</source>
        <translation>レプリケーションユーザー &apos;%1&apos; のパスワード:</translation>
    </message>
    <message>
        <source>Remember it in the keychain as %1</source>
        <translation>キーチェーンに %1 として記憶する</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>環境設定</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>システムと同じ</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>Colours:</source>
        <translation>配色:</translation>
    </message>
    <message>
        <source>Same as the system (%1)</source>
        <translation>システムと同じ (%1)</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>言語:</translation>
    </message>
    <message>
        <source>A new language applies the next time Topograph starts.</source>
        <translation>新しい言語は Topograph の次回起動時に適用されます。</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::ProblemsPanel</name>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>クラスター</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>Recover…</source>
        <translation>リカバリ…</translation>
    </message>
    <message>
        <source>[downtimed] %1</source>
        <comment>an analysis explanation</comment>
        <translation>[ダウンタイム中] %1</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::ProgressPanel</name>
    <message>
        <source>Recovery / step</source>
        <translation>リカバリ / ステップ</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>▶ running</source>
        <translation>▶ 実行中</translation>
    </message>
    <message>
        <source>✓ ok</source>
        <translation>✓ 成功</translation>
    </message>
    <message>
        <source>✖ failed</source>
        <translation>✖ 失敗</translation>
    </message>
    <message>
        <source>– skipped</source>
        <translation>– スキップ</translation>
    </message>
    <message>
        <source>↶ undone</source>
        <translation>↶ 取り消し</translation>
    </message>
    <message>
        <source>✖ interrupted</source>
        <translation>✖ 中断</translation>
    </message>
    <message>
        <source>Recovery of %1</source>
        <translation>%1 のリカバリ</translation>
    </message>
    <message>
        <source>⊘ refused, nothing changed</source>
        <translation>⊘ 拒否、変更なし</translation>
    </message>
    <message>
        <source>%1 in %2 s</source>
        <comment>outcome, seconds</comment>
        <translation>%1 (%2秒)</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::PromotionRulesEditor</name>
    <message>
        <source>prefer</source>
        <translation>prefer (優先)</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>neutral (中立)</translation>
    </message>
    <message>
        <source>prefer_not</source>
        <translation>prefer_not (非優先)</translation>
    </message>
    <message>
        <source>must_not (never promoted)</source>
        <translation>must_not (昇格しない)</translation>
    </message>
    <message>
        <source>Among candidates equally advanced, prefer wins over neutral over prefer_not; must_not is never promoted. Data comes first: a preferred replica that lags is only used once the most advanced one has fed it what it lacks.</source>
        <translation>データの進み具合が同じ候補の間では prefer が neutral より、neutral が prefer_not より優先され、must_not は決して昇格されません。データが最優先です: 遅れている優先レプリカは、最も進んだレプリカが不足分を補ってから初めて使われます。</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>クラスター</translation>
    </message>
    <message>
        <source>Promotion rule</source>
        <translation>昇格ルール</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>not in the current fleet</source>
        <translation>現在のトポロジーにない</translation>
    </message>
    <message>
        <source>never promoted: PromotionIgnoreHostnameFilters &apos;%1&apos;</source>
        <translation>昇格しない: PromotionIgnoreHostnameFilters &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::RecoverDialog</name>
    <message>
        <source>Recover %1</source>
        <translation>%1 のリカバリ</translation>
    </message>
    <message>
        <source>Force failover of %1</source>
        <translation>%1 の強制フェイルオーバー</translation>
    </message>
    <message>
        <source>I understand: %1 is alive. It will be made read-only (its clients&apos; writes fail from then on), the chosen replica waits for its last transaction, and then takes over.</source>
        <translation>理解しました: %1 は稼働中です。読み取り専用に切り替えられ (以後、クライアントの書き込みは失敗します)、選択したレプリカが最後のトランザクションを待ってからマスターを引き継ぎます。</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>候補</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>昇格可</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>ルール</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受信</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>適用</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Replica</source>
        <translation>レプリカ</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>処理内容</translation>
    </message>
    <message>
        <source>Fail over now</source>
        <translation>今すぐフェイルオーバー</translation>
    </message>
    <message>
        <source>Recover now</source>
        <translation>今すぐリカバリ</translation>
    </message>
    <message>
        <source>%1 of %2 (cluster %3). Nothing changes on any server until you press Recover now.</source>
        <translation>%2 の %1 (クラスター %3)。「今すぐリカバリ」を押すまで、どのサーバーも変更されません。</translation>
    </message>
    <message>
        <source>Force failover of the live master %1 (cluster %2). Nothing changes on any server until you confirm below and press Fail over now.</source>
        <translation>稼働中のマスター %1 の強制フェイルオーバー (クラスター %2)。下で確認して「今すぐフェイルオーバー」を押すまで、どのサーバーも変更されません。</translation>
    </message>
    <message>
        <source>Nobody can be promoted: %1</source>
        <translation>昇格できるレプリカがありません: %1</translation>
    </message>
    <message>
        <source>✓ yes</source>
        <translation>✓ はい</translation>
    </message>
    <message>
        <source>✖ no: %1</source>
        <translation>✖ いいえ: %1</translation>
    </message>
    <message>
        <source>most advanced</source>
        <translation>最も進んでいる</translation>
    </message>
    <message>
        <source>★ becomes the master</source>
        <translation>★ マスターになる</translation>
    </message>
    <message>
        <source>first feeds %1 what it lacks, then follows it</source>
        <translation>まず %1 に不足分を補ってから、そのレプリカになる</translation>
    </message>
    <message>
        <source>→ follows %1</source>
        <translation>→ %1 のレプリカになる</translation>
    </message>
    <message>
        <source>✖ lost: %1</source>
        <translation>✖ 喪失: %1</translation>
    </message>
    <message>
        <source>Recovery of %1</source>
        <translation>%1 のリカバリ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>✓ Done: </source>
        <translation>✓ 完了: </translation>
    </message>
    <message>
        <source>✖ Failed: </source>
        <translation>✖ 失敗: </translation>
    </message>
    <message>
        <source>✖ Not started: %1</source>
        <translation>✖ 開始されませんでした: %1</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>Topology › Zoom</source>
        <translation>トポロジー › ズーム</translation>
    </message>
    <message>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+ホイール</translation>
    </message>
    <message>
        <source>Topology › Cancel a drag</source>
        <translation>トポロジー › ドラッグのキャンセル</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Topology › Instance actions</source>
        <translation>トポロジー › インスタンス操作</translation>
    </message>
    <message>
        <source>right click on a card</source>
        <translation>カードを右クリック</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::StartupOptions</name>
    <message>
        <source>Topograph: a console for MySQL/MariaDB replication topologies.</source>
        <translation>Topograph: MySQL/MariaDB レプリケーショントポロジー管理コンソール。</translation>
    </message>
    <message>
        <source>The store (SQLite file) shared with topograph-cli.</source>
        <translation>topograph-cli と共有するストア (SQLite ファイル)。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>The topology user Topograph connects as.</source>
        <translation>Topograph が接続に使うトポロジーユーザー。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Read the password from this environment variable instead of the keychain.</source>
        <translation>キーチェーンの代わりにこの環境変数からパスワードを読み取ります。</translation>
    </message>
    <message>
        <source>VAR</source>
        <translation>VAR</translation>
    </message>
    <message>
        <source>DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY.</source>
        <translation>DISABLED、PREFERRED、REQUIRED、VERIFY_CA、VERIFY_IDENTITY のいずれか。</translation>
    </message>
    <message>
        <source>MODE</source>
        <translation>MODE</translation>
    </message>
    <message>
        <source>CA certificate file (PEM).</source>
        <translation>CA 証明書ファイル (PEM)。</translation>
    </message>
    <message>
        <source>Client certificate file (PEM).</source>
        <translation>クライアント証明書ファイル (PEM)。</translation>
    </message>
    <message>
        <source>Client key file (PEM).</source>
        <translation>クライアントキーファイル (PEM)。</translation>
    </message>
    <message>
        <source>Replication account for servers an operation repoints for the first time.</source>
        <translation>操作で初めてレプリケーション元を付け替えるサーバーに使うレプリケーションアカウント。</translation>
    </message>
    <message>
        <source>Read the replication account&apos;s password from this environment variable.</source>
        <translation>この環境変数からレプリケーションアカウントのパスワードを読み取ります。</translation>
    </message>
    <message>
        <source>Servers to discover from, HOST:PORT.</source>
        <translation>検出元のサーバー (HOST:PORT)。</translation>
    </message>
    <message>
        <source>[HOST:PORT...]</source>
        <translation>[HOST:PORT...]</translation>
    </message>
    <message>
        <source>seed %1: %2</source>
        <translation>シード %1: %2</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::TimingEditor</name>
    <message>
        <source>After a recovery of a cluster, further AUTOMATIC recoveries there wait this long, unless the recovery is acknowledged (anti-flapping). Manual recovery is never blocked. 0 = no block.</source>
        <translation>クラスターのリカバリ後は、そのリカバリが確認済みにならない限り、同じクラスターでの次の「自動」リカバリはこの時間だけ待機します (アンチフラッピング)。手動リカバリはブロックされません。0 = ブロックなし。</translation>
    </message>
    <message>
        <source>Replication lag above this is reported as a problem, and a master is not judged dead while all its replicas lag more than this (they may just be slow).</source>
        <translation>レプリケーション遅延がこの値を超えると問題として報告します。また、すべてのレプリカの遅延がこの値を超えている間は、マスターをダウンと判定しません (単に遅いだけの可能性があるため)。</translation>
    </message>
    <message>
        <source>Lag a planned operation (relocation, graceful takeover) accepts; it is refused above this. Also the lag at which the topology view turns a replica red.</source>
        <translation>計画的な操作 (付け替え、グレースフルテイクオーバー) が許容する遅延。これを超えると拒否されます。トポロジービューでレプリカを赤く表示する基準でもあります。</translation>
    </message>
    <message>
        <source>Refuse to promote a candidate whose applier is further behind than this. The candidate always applies what it received first; this bounds that wait. 0 = no limit.</source>
        <translation>適用 (applier) がこの値より遅れている候補は昇格させません。候補は常に受信済みの内容を先に適用し、この値はその待機時間の上限です。0 = 無制限。</translation>
    </message>
    <message>
        <source>How often each server is probed. Lower detects failures sooner (orchestrator&apos;s default is 5).</source>
        <translation>各サーバーをプローブする間隔。小さいほど障害を早く検出します (orchestrator の既定値は 5)。</translation>
    </message>
    <message>
        <source>A hook command running longer than this is killed (and a Pre hook that is killed aborts the failover).</source>
        <translation>この時間を超えて実行されたフックコマンドは強制終了されます (強制終了された Pre フックはフェイルオーバーを中止させます)。</translation>
    </message>
    <message>
        <source> s</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>%1: from %2 to %3 seconds</source>
        <translation>%1: %2～%3 秒</translation>
    </message>
    <message>
        <source>= no block</source>
        <translation>= ブロックなし</translation>
    </message>
    <message>
        <source>= %1</source>
        <translation>= %1</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::TopologyScene</name>
    <message>
        <source>no topology yet</source>
        <translation>トポロジーはまだありません</translation>
    </message>
    <message>
        <source>Make master (graceful takeover)…</source>
        <translation>マスターに昇格 (グレースフルテイクオーバー)…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>1 階層上へ移動</translation>
    </message>
    <message>
        <source>Take siblings</source>
        <translation>兄弟レプリカを配下に移動</translation>
    </message>
    <message>
        <source>Make co-master</source>
        <translation>コマスターにする</translation>
    </message>
    <message>
        <source>Repoint to the same source</source>
        <translation>同じソースに再指定</translation>
    </message>
    <message>
        <source>Start replication</source>
        <translation>レプリケーション開始</translation>
    </message>
    <message>
        <source>Stop replication</source>
        <translation>レプリケーション停止</translation>
    </message>
    <message>
        <source>Detach replica</source>
        <translation>レプリカを切り離す</translation>
    </message>
    <message>
        <source>Reattach replica</source>
        <translation>レプリカを再接続</translation>
    </message>
    <message>
        <source>Set read-only</source>
        <translation>読み取り専用に設定</translation>
    </message>
    <message>
        <source>Set writable</source>
        <translation>書き込み可能に設定</translation>
    </message>
    <message>
        <source>Begin downtime (1 hour)</source>
        <translation>ダウンタイム開始 (1 時間)</translation>
    </message>
    <message>
        <source>End downtime</source>
        <translation>ダウンタイム終了</translation>
    </message>
    <message>
        <source>Begin maintenance</source>
        <translation>メンテナンス開始</translation>
    </message>
    <message>
        <source>End maintenance</source>
        <translation>メンテナンス終了</translation>
    </message>
    <message>
        <source>Forget this instance</source>
        <translation>このインスタンスを登録から削除</translation>
    </message>
    <message>
        <source>set from the Topograph console</source>
        <translation>Topograph コンソールから設定</translation>
    </message>
    <message>
        <source>Force failover now…</source>
        <translation>今すぐ強制フェイルオーバー…</translation>
    </message>
    <message>
        <source>only the single master of a cluster can be failed over</source>
        <translation>フェイルオーバーできるのはクラスターの単一マスターだけです</translation>
    </message>
    <message>
        <source>%1 does not answer: use Recover on its card</source>
        <translation>%1 が応答しません: そのカードの「リカバリ」を使ってください</translation>
    </message>
    <message>
        <source>%1 has no replica to promote</source>
        <translation>%1 には昇格できるレプリカがありません</translation>
    </message>
    <message>
        <source>Promote a replica now although %1 is alive: it is made read-only first</source>
        <translation>%1 が稼働中でも今すぐレプリカを昇格します: まず読み取り専用に切り替えられます</translation>
    </message>
    <message>
        <source>Rejoin as a replica of %1…</source>
        <translation>%1 のレプリカとして再参加…</translation>
    </message>
</context>
</TS>
