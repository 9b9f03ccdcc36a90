<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>QObject</name>
    <message>
        <source>Topograph</source>
        <translation>Topograph</translation>
    </message>
    <message>
        <source>The engine did not start: %1</source>
        <translation>엔진을 시작하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui</name>
    <message>
        <source>ok</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>심각</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>연결 중</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>master</source>
        <translation>마스터</translation>
    </message>
    <message>
        <source>co-master (writer)</source>
        <translation>코마스터 (쓰기)</translation>
    </message>
    <message>
        <source>co-master</source>
        <translation>코마스터</translation>
    </message>
    <message>
        <source>intermediate master</source>
        <translation>중간 마스터</translation>
    </message>
    <message>
        <source>intermediate</source>
        <translation>중간</translation>
    </message>
    <message>
        <source>replica</source>
        <translation>레플리카</translation>
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
        <translation>GTID 없음</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>읽기 전용</translation>
    </message>
    <message>
        <source>writable</source>
        <translation>쓰기 가능</translation>
    </message>
    <message>
        <source>unreachable: %1</source>
        <translation>연결 불가: %1</translation>
    </message>
    <message>
        <source>IO %1  SQL %2  lag %3</source>
        <translation>IO %1  SQL %2  지연 %3</translation>
    </message>
    <message numerus="yes">
        <source>  +%n source(s)</source>
        <translation>
            <numerusform>  +소스 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replica(s)</source>
        <translation>
            <numerusform>레플리카 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>DOWNTIME until %1</source>
        <translation>다운타임 (%1까지)</translation>
    </message>
    <message>
        <source>MAINTENANCE</source>
        <translation>유지보수</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::AboutDialog</name>
    <message>
        <source>About Topograph</source>
        <translation>Topograph 정보</translation>
    </message>
    <message>
        <source>none open</source>
        <translation>열려 있지 않음</translation>
    </message>
    <message>
        <source>%1 (schema %2; this build knows up to %3)</source>
        <translation>%1 (스키마 %2, 이 빌드는 %3까지 지원)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Topograph %1&lt;/h3&gt;&lt;p&gt;A console for MySQL and MariaDB replication topologies.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Client library&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Store&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Log file&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h3&gt;Topograph %1&lt;/h3&gt;&lt;p&gt;MySQL 및 MariaDB 복제 토폴로지 관리 콘솔.&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;클라이언트 라이브러리&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;저장소&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;로그 파일&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::AcknowledgeDialog</name>
    <message>
        <source>Acknowledge</source>
        <translation>확인 처리</translation>
    </message>
    <message>
        <source>Acknowledge %1.</source>
        <translation>확인 처리 대상: %1.</translation>
    </message>
    <message>
        <source>A comment is required: say what you checked and why automatic recoveries may resume. It is kept in the audit log.</source>
        <translation>코멘트가 필요합니다: 무엇을 확인했는지, 왜 자동 복구를 재개해도 되는지 적어 주세요. 코멘트는 감사 로그에 남습니다.</translation>
    </message>
    <message>
        <source>Comment (required)</source>
        <translation>코멘트 (필수)</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::AuditEntryDetails</name>
    <message>
        <source>not ended</source>
        <translation>종료되지 않음</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <source>▶ running</source>
        <translation>▶ 실행 중</translation>
    </message>
    <message>
        <source>✓ ok</source>
        <translation>✓ 성공</translation>
    </message>
    <message>
        <source>✖ failed</source>
        <translation>✖ 실패</translation>
    </message>
    <message>
        <source>– skipped</source>
        <translation>– 건너뜀</translation>
    </message>
    <message>
        <source>↶ undone</source>
        <translation>↶ 되돌림</translation>
    </message>
    <message>
        <source>⚠ interrupted</source>
        <translation>⚠ 중단됨</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>복구</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>서버</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>구문</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>Select a step to see its statement and output.</source>
        <translation>단계를 선택하면 구문과 출력이 표시됩니다.</translation>
    </message>
    <message>
        <source>Select an entry to see it in full.</source>
        <translation>항목을 선택하면 전체 내용이 표시됩니다.</translation>
    </message>
    <message>
        <source>Entry #%1</source>
        <translation>항목 #%1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>수행자</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>클러스터</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>인스턴스</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>해시</translation>
    </message>
    <message>
        <source>Previous hash</source>
        <translation>이전 해시</translation>
    </message>
    <message>
        <source>Chain broken here:</source>
        <translation>여기서 체인이 끊어짐:</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>세부 정보</translation>
    </message>
    <message>
        <source>Recovery #%1 is not in the store.</source>
        <translation>저장소에 복구 #%1 기록이 없습니다.</translation>
    </message>
    <message>
        <source>Recovery #%1</source>
        <translation>복구 #%1</translation>
    </message>
    <message>
        <source>%1 of cluster %2, started automatically: %3.</source>
        <translation>클러스터 %2의 %1, 자동 시작: %3.</translation>
    </message>
    <message>
        <source>%1 of cluster %2, started by %3: %4.</source>
        <translation>클러스터 %2의 %1, 수동 시작(%3): %4.</translation>
    </message>
    <message>
        <source>Failed: %1; successor: %2.</source>
        <translation>장애: %1, 승계: %2.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Started %1, %2.</source>
        <translation>시작 %1, %2.</translation>
    </message>
    <message>
        <source>ended %1</source>
        <translation>종료 %1</translation>
    </message>
    <message>
        <source>Lost replicas: %1.</source>
        <translation>유실된 레플리카: %1.</translation>
    </message>
    <message>
        <source>✓ Acknowledged by %1 at %2: “%3”</source>
        <translation>✓ 확인 처리됨 (%1, %2): “%3”</translation>
    </message>
    <message>
        <source>▶ Still running; it can be acknowledged once it has ended.</source>
        <translation>▶ 아직 실행 중입니다. 종료된 후에 확인 처리할 수 있습니다.</translation>
    </message>
    <message>
        <source>⚠ Not acknowledged: automatic recoveries on this cluster may be blocked until it is.</source>
        <translation>⚠ 미확인: 확인 처리될 때까지 이 클러스터의 자동 복구가 차단될 수 있습니다.</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>단계 %1: %2</translation>
    </message>
    <message>
        <source> on %1</source>
        <translation> (대상: %1)</translation>
    </message>
    <message>
        <source>Statement:</source>
        <translation>구문:</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>출력:</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::AuditLogModel</name>
    <message>
        <source>✓ ok</source>
        <translation>✓ 성공</translation>
    </message>
    <message>
        <source>✖ failed</source>
        <translation>✖ 실패</translation>
    </message>
    <message>
        <source>⊘ refused</source>
        <translation>⊘ 거부됨</translation>
    </message>
    <message>
        <source>Chain broken here: %1</source>
        <translation>여기서 체인이 끊어짐: %1</translation>
    </message>
    <message>
        <source>%1 (alias %2)</source>
        <translation>%1 (별칭 %2)</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time (local)</source>
        <translation>시각 (로컬)</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>수행자</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>클러스터</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>인스턴스</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>복구</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>성공</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>중단됨</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::AuditLogWindow</name>
    <message>
        <source>Audit log</source>
        <translation>감사 로그</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>체인 검증</translation>
    </message>
    <message>
        <source>Re-read every entry and check its hash and its link to the previous one, so an edit or a deletion in the store file shows.</source>
        <translation>모든 항목을 다시 읽어 해시와 이전 항목과의 연결을 확인합니다. 저장소 파일의 항목이 수정되거나 삭제되었으면 드러납니다.</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Blocked recoveries</source>
        <translation>차단된 복구</translation>
    </message>
    <message>
        <source>Acknowledge recovery…</source>
        <translation>복구 확인 처리…</translation>
    </message>
    <message>
        <source>Acknowledge cluster…</source>
        <translation>클러스터 확인 처리…</translation>
    </message>
    <message>
        <source>Acknowledge all…</source>
        <translation>모두 확인 처리…</translation>
    </message>
    <message>
        <source>Read new entries now (%1); the view also refreshes by itself.</source>
        <translation>지금 새 항목을 읽습니다 (%1). 화면은 자동으로도 갱신됩니다.</translation>
    </message>
    <message>
        <source>The audit log cannot be shown: %1</source>
        <translation>감사 로그를 표시할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>⊘ refused</source>
        <translation>⊘ 거부됨</translation>
    </message>
    <message>
        <source>Search message, instance, cluster, action, actor</source>
        <translation>메시지, 인스턴스, 클러스터, 작업, 수행자 검색</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>모든 결과</translation>
    </message>
    <message>
        <source>✓ ok</source>
        <translation>✓ 성공</translation>
    </message>
    <message>
        <source>✖ failed</source>
        <translation>✖ 실패</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>검색(&amp;S):</translation>
    </message>
    <message>
        <source>From</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>to</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Local time. Unticked: any time.</source>
        <translation>로컬 시각. 선택하지 않으면 기간 제한 없음.</translation>
    </message>
    <message>
        <source>Unacknowledged recoveries only</source>
        <translation>미확인 복구만</translation>
    </message>
    <message>
        <source>Entries of recoveries nobody has acknowledged yet.</source>
        <translation>아직 아무도 확인 처리하지 않은 복구의 항목.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>All clusters</source>
        <translation>모든 클러스터</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>모든 종류</translation>
    </message>
    <message>
        <source>⊘ Blocked recoveries (%1)</source>
        <translation>⊘ 차단된 복구 (%1)</translation>
    </message>
    <message>
        <source>Select an entry that belongs to a recovery.</source>
        <translation>복구에 속한 항목을 선택하세요.</translation>
    </message>
    <message>
        <source>Recovery #%1 was acknowledged by %2.</source>
        <translation>복구 #%1: %2에 의해 확인 처리되었습니다.</translation>
    </message>
    <message>
        <source>Recovery #%1 is still running.</source>
        <translation>복구 #%1: 아직 실행 중입니다.</translation>
    </message>
    <message>
        <source>Acknowledge recovery #%1 of cluster %2.</source>
        <translation>클러스터 %2의 복구 #%1 확인 처리.</translation>
    </message>
    <message>
        <source>Select an entry of a cluster, or filter on one.</source>
        <translation>클러스터의 항목을 선택하거나 클러스터로 필터링하세요.</translation>
    </message>
    <message numerus="yes">
        <source>%n unacknowledged recovery(ies) of cluster %1.</source>
        <translation>
            <numerusform>클러스터 %1의 미확인 복구 %n건.</numerusform>
        </translation>
    </message>
    <message>
        <source>Acknowledge all (%1)…</source>
        <translation>모두 확인 처리 (%1)…</translation>
    </message>
    <message>
        <source>%L1 entries</source>
        <translation>항목 %L1개</translation>
    </message>
    <message>
        <source>%L1 of %L2 entries</source>
        <translation>항목 %L2개 중 %L1개</translation>
    </message>
    <message>
        <source>Verifying the hash chain…</source>
        <translation>해시 체인 검증 중…</translation>
    </message>
    <message>
        <source>The chain could not be verified: %1</source>
        <translation>체인을 검증할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>BROKEN at #%1: %2</source>
        <translation>#%1에서 체인 손상: %2</translation>
    </message>
    <message numerus="yes">
        <source> (%n bad entries)</source>
        <translation>
            <numerusform> (잘못된 항목 %n개)</numerusform>
        </translation>
    </message>
    <message>
        <source>Chain intact (the log is empty).</source>
        <translation>체인 정상 (로그가 비어 있음).</translation>
    </message>
    <message>
        <source>Chain intact (%L1 entries, head #%2 hash %3…).</source>
        <translation>체인 정상 (항목 %L1개, 최신 #%2 해시 %3…).</translation>
    </message>
    <message>
        <source>Verified at %1 in %L2 ms.</source>
        <translation>%1에 검증 완료 (%L2 ms).</translation>
    </message>
    <message numerus="yes">
        <source>%n newer entry(ies) not verified yet.</source>
        <translation>
            <numerusform>새 항목 %n개는 아직 검증되지 않았습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was acknowledged: %1</source>
        <translation>확인 처리된 것이 없습니다: %1</translation>
    </message>
    <message numerus="yes">
        <source>Acknowledged %n recovery(ies).</source>
        <translation>
            <numerusform>복구 %n건을 확인 처리했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>recovery #%1 (%2 of cluster %3, %4)</source>
        <translation>복구 #%1 (클러스터 %3의 %2, %4)</translation>
    </message>
    <message>
        <source>recovery #%1</source>
        <translation>복구 #%1</translation>
    </message>
    <message numerus="yes">
        <source>%n unacknowledged recovery(ies) of cluster %1</source>
        <translation>
            <numerusform>클러스터 %1의 미확인 복구 %n건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>all %n unacknowledged recovery(ies), of every cluster</source>
        <translation>
            <numerusform>모든 클러스터의 미확인 복구 %n건 전체</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::AutoFailoverToggle</name>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Auto-failover</source>
        <translation>자동 장애 조치</translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation>켜기</translation>
    </message>
    <message>
        <source>Cannot open the store to read or change AutoFailover: %1</source>
        <translation>AutoFailover를 읽거나 변경할 저장소를 열 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Turn automatic failover on?</source>
        <translation>자동 장애 조치를 켜시겠습니까?</translation>
    </message>
    <message>
        <source>Topograph will then recover a dead master on its own, without asking anyone, in every cluster that RecoverMasterClusterFilters covers. Other clusters stay detect-and-report only.</source>
        <translation>켜면 Topograph는 RecoverMasterClusterFilters에 해당하는 모든 클러스터에서 다운된 마스터를 아무에게도 묻지 않고 스스로 복구합니다. 그 밖의 클러스터는 계속 감지와 보고만 합니다.</translation>
    </message>
    <message>
        <source>RecoverMasterClusterFilters is empty, so it covers no cluster: turning this on changes nothing until you add filters in Failover settings.</source>
        <translation>RecoverMasterClusterFilters가 비어 있어 대상 클러스터가 없습니다. 장애 조치 설정에서 필터를 추가하기 전에는 켜도 아무것도 바뀌지 않습니다.</translation>
    </message>
    <message>
        <source>No fleet has been discovered yet. The filters are: %1</source>
        <translation>아직 탐색된 서버가 없습니다. 필터: %1</translation>
    </message>
    <message>
        <source>Covered (recovered automatically): %1</source>
        <translation>대상 (자동 복구): %1</translation>
    </message>
    <message>
        <source>Not covered (detected and reported only): %1</source>
        <translation>대상 아님 (감지 및 보고만): %1</translation>
    </message>
    <message>
        <source>Dead intermediate masters are recovered automatically in: %1 (RecoverIntermediateMasterClusterFilters)</source>
        <translation>다운된 중간 마스터를 자동 복구하는 클러스터: %1 (RecoverIntermediateMasterClusterFilters)</translation>
    </message>
    <message>
        <source>After a recovery, further automatic recoveries of that cluster wait %1 (RecoveryPeriodBlockSeconds) unless the recovery is acknowledged.</source>
        <translation>복구 후에는 그 복구가 확인 처리되지 않는 한, 해당 클러스터의 다음 자동 복구가 %1 동안 대기합니다 (RecoveryPeriodBlockSeconds).</translation>
    </message>
    <message>
        <source>No store is open: AutoFailover cannot be changed.</source>
        <translation>열린 저장소가 없어 AutoFailover를 변경할 수 없습니다.</translation>
    </message>
    <message>
        <source>Turn on automatic failover</source>
        <translation>자동 장애 조치 켜기</translation>
    </message>
    <message>
        <source>turned on from the auto-failover heart</source>
        <translation>자동 장애 조치 하트에서 켬</translation>
    </message>
    <message>
        <source>turned off from the auto-failover heart</source>
        <translation>자동 장애 조치 하트에서 끔</translation>
    </message>
    <message>
        <source>AutoFailover was not changed: %1</source>
        <translation>AutoFailover가 변경되지 않았습니다: %1</translation>
    </message>
    <message>
        <source>Auto-failover: unknown (no store open)</source>
        <translation>자동 장애 조치: 알 수 없음 (열린 저장소 없음)</translation>
    </message>
    <message>
        <source>Auto-failover off: detect and report only</source>
        <translation>자동 장애 조치 꺼짐: 감지 및 보고만</translation>
    </message>
    <message>
        <source>Auto-failover ON, but RecoverMasterClusterFilters covers no cluster</source>
        <translation>자동 장애 조치 켜짐, 단 RecoverMasterClusterFilters에 해당하는 클러스터 없음</translation>
    </message>
    <message>
        <source>Auto-failover ON</source>
        <translation>자동 장애 조치 켜짐</translation>
    </message>
    <message>
        <source>Auto-failover ON, clusters covered: %1 of %2</source>
        <translation>자동 장애 조치 켜짐, 대상 클러스터: %2개 중 %1개</translation>
    </message>
    <message>
        <source>Click to turn automatic failover off (detect and report only).</source>
        <translation>클릭하면 자동 장애 조치를 끕니다 (감지 및 보고만).</translation>
    </message>
    <message>
        <source>Click to let Topograph recover dead masters on its own.</source>
        <translation>클릭하면 Topograph가 다운된 마스터를 스스로 복구합니다.</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::BlockedRecoveriesPanel</name>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>클러스터</translation>
    </message>
    <message>
        <source>Failed instance</source>
        <translation>장애 인스턴스</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>분석</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>Blocked by</source>
        <translation>차단 원인</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Acknowledge blocking recovery…</source>
        <translation>차단 중인 복구 확인 처리…</translation>
    </message>
    <message>
        <source>Acknowledge the recovery that blocks the selected attempt, so automatic recoveries of its cluster may run again.</source>
        <translation>선택한 시도를 차단하는 복구를 확인 처리하여, 해당 클러스터의 자동 복구가 다시 실행될 수 있게 합니다.</translation>
    </message>
    <message>
        <source>recovery #%1</source>
        <translation>복구 #%1</translation>
    </message>
    <message>
        <source>▶ blocked while recovery #%1 runs</source>
        <translation>▶ 복구 #%1 실행 중이라 차단됨</translation>
    </message>
    <message>
        <source>⊘ blocked: acknowledge the blocking recovery to unblock</source>
        <translation>⊘ 차단됨: 차단 중인 복구를 확인 처리하면 해제됩니다</translation>
    </message>
    <message>
        <source>✓ unblocked (recovery #%1 acknowledged)</source>
        <translation>✓ 차단 해제 (복구 #%1 확인 처리됨)</translation>
    </message>
    <message>
        <source>refused once (no blocking recovery)</source>
        <translation>1회 거부됨 (차단 중인 복구 없음)</translation>
    </message>
    <message numerus="yes">
        <source>⊘ %n automatic recovery attempt(s) blocked by unacknowledged recoveries. Acknowledge the blocking recovery to unblock.</source>
        <translation>
            <numerusform>⊘ 자동 복구 시도 %n건이 미확인 복구 때문에 차단되었습니다. 차단 중인 복구를 확인 처리하면 해제됩니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No automatic recovery is blocked by an unacknowledged recovery. Attempts refused in the last %n day(s) are listed for context.</source>
        <translation>
            <numerusform>미확인 복구 때문에 차단된 자동 복구는 없습니다. 참고로 최근 %n일 동안 거부된 시도를 표시합니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::ChartsPanel</name>
    <message>
        <source>Export PNG…</source>
        <translation>PNG 내보내기…</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>최근 5분</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>최근 15분</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>최근 1시간</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>최근 6시간</translation>
    </message>
    <message>
        <source>How far back the charts reach. Older points are merged: each point is the worst value of its interval, so a spike is never averaged away.</source>
        <translation>차트에 표시할 기간입니다. 오래된 지점은 병합되며, 각 지점은 해당 구간의 최악값이므로 급증이 평균에 묻히지 않습니다.</translation>
    </message>
    <message>
        <source>Save both charts, as shown, to a PNG image</source>
        <translation>두 차트를 보이는 그대로 PNG 이미지로 저장</translation>
    </message>
    <message>
        <source>Seconds_Behind_Master of each replica. A hole means the lag was unknown: a replication thread was stopped (the server says NULL) or the server did not answer.</source>
        <translation>각 레플리카의 Seconds_Behind_Master입니다. 선이 끊긴 구간은 지연을 알 수 없었다는 뜻입니다: 복제 스레드가 중지되었거나(서버가 NULL을 반환) 서버가 응답하지 않았습니다.</translation>
    </message>
    <message>
        <source>How long one probe of each server took (connection reused). A hole means the probe failed.</source>
        <translation>각 서버에 대한 프로브 1회에 걸린 시간 (연결 재사용). 선이 끊긴 구간은 프로브 실패를 뜻합니다.</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>기간(&amp;R):</translation>
    </message>
    <message>
        <source>Export charts as PNG</source>
        <translation>차트를 PNG로 내보내기</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>%1 (master)</source>
        <translation>%1 (마스터)</translation>
    </message>
    <message>
        <source>One point per %1 s: the worst value of that interval.</source>
        <translation>%1초마다 1개 지점: 해당 구간의 최악값.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Replication lag (no cluster selected)</source>
        <translation>복제 지연 (선택된 클러스터 없음)</translation>
    </message>
    <message>
        <source>Probe latency (no cluster selected)</source>
        <translation>프로브 응답 시간 (선택된 클러스터 없음)</translation>
    </message>
    <message>
        <source>Replication lag of the replicas of %1</source>
        <translation>%1 레플리카의 복제 지연</translation>
    </message>
    <message>
        <source>Probe latency of the instances of %1</source>
        <translation>%1 인스턴스의 프로브 응답 시간</translation>
    </message>
    <message>
        <source>ReasonableReplicationLagSeconds (%1 s)</source>
        <translation>ReasonableReplicationLagSeconds (%1초)</translation>
    </message>
    <message>
        <source>the charts have no size (is the dock collapsed?)</source>
        <translation>차트 크기가 0입니다 (도크가 접혀 있나요?)</translation>
    </message>
    <message>
        <source>Could not save the charts to %1: %2.</source>
        <translation>차트를 %1에 저장할 수 없습니다: %2.</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 저장됨</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::ClusterList</name>
    <message>
        <source>Cluster</source>
        <translation>클러스터</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>대수</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Unacked</source>
        <translation>미확인</translation>
    </message>
    <message>
        <source>Auto-failover</source>
        <translation>자동 장애 조치</translation>
    </message>
    <message>
        <source>Instances in the cluster</source>
        <translation>클러스터의 인스턴스 수</translation>
    </message>
    <message>
        <source>Recoveries nobody has acknowledged yet</source>
        <translation>아직 아무도 확인 처리하지 않은 복구</translation>
    </message>
    <message>
        <source>Whether Topograph recovers a dead master of this cluster on its own (AutoFailover and RecoverMasterClusterFilters)</source>
        <translation>Topograph가 이 클러스터의 다운된 마스터를 스스로 복구하는지 여부 (AutoFailover 및 RecoverMasterClusterFilters)</translation>
    </message>
    <message>
        <source>off: detect only</source>
        <translation>꺼짐: 감지만</translation>
    </message>
    <message>
        <source>not covered by the filters</source>
        <translation>필터 대상 아님</translation>
    </message>
    <message>
        <source>on (%1)</source>
        <translation>켜짐 (%1)</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::ConnectionContext</name>
    <message>
        <source>no password for %1: no keychain entry &apos;%2&apos; (service &apos;%3&apos;) and none kept for this session; store one with File &gt; Connections… or start with --password-env VAR</source>
        <translation>%1의 비밀번호가 없습니다: 키체인 항목(&apos;%2&apos;, 서비스 &apos;%3&apos;)이 없고 이 세션에 보관된 비밀번호도 없습니다. 파일 &gt; 연결…에서 저장하거나 --password-env VAR로 시작하세요</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::ConnectionForm</name>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM 파일 (*.pem *.crt *.key);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>사용자(&amp;U):</translation>
    </message>
    <message>
        <source>leave empty to use the stored password</source>
        <translation>비워 두면 저장된 비밀번호 사용</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>비밀번호(&amp;P):</translation>
    </message>
    <message>
        <source>PREFERRED and REQUIRED encrypt without checking the server&apos;s certificate; VERIFY_CA checks it against the CA file; VERIFY_IDENTITY also checks the host name.</source>
        <translation>PREFERRED와 REQUIRED는 서버 인증서를 검사하지 않고 암호화합니다. VERIFY_CA는 CA 파일로 인증서를 검사하고, VERIFY_IDENTITY는 호스트 이름까지 검사합니다.</translation>
    </message>
    <message>
        <source>&amp;TLS (ssl-mode):</source>
        <translation>&amp;TLS (ssl-mode):</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>CA 파일(&amp;C):</translation>
    </message>
    <message>
        <source>CA certificate (PEM)</source>
        <translation>CA 인증서 (PEM)</translation>
    </message>
    <message>
        <source>Client c&amp;ertificate:</source>
        <translation>클라이언트 인증서(&amp;E):</translation>
    </message>
    <message>
        <source>Client certificate (PEM)</source>
        <translation>클라이언트 인증서 (PEM)</translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation>클라이언트 키(&amp;K):</translation>
    </message>
    <message>
        <source>Client key (PEM)</source>
        <translation>클라이언트 키 (PEM)</translation>
    </message>
    <message>
        <source>Keep the password for this session only (in memory, never written to disk)</source>
        <translation>이 세션 동안만 비밀번호 보관 (메모리에만, 디스크에 기록하지 않음)</translation>
    </message>
    <message>
        <source>The OS keychain cannot be used here (%1). A password can only be kept for this session.</source>
        <translation>여기서는 OS 키체인을 사용할 수 없습니다 (%1). 비밀번호는 이 세션 동안만 보관할 수 있습니다.</translation>
    </message>
    <message>
        <source>Keep for This Session Only</source>
        <translation>이 세션 동안만 보관</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA 파일</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>클라이언트 인증서</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>클라이언트 키</translation>
    </message>
    <message>
        <source>%1: %2 is not a file; choose an existing PEM file or clear the field</source>
        <translation>%1: 파일이 아닙니다 (%2). 기존 PEM 파일을 선택하거나 입력란을 비우세요</translation>
    </message>
    <message>
        <source>A client certificate and a client key go together: give both or neither</source>
        <translation>클라이언트 인증서와 클라이언트 키는 함께 사용합니다: 둘 다 지정하거나 둘 다 비우세요</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1에 연결 중…</translation>
    </message>
    <message>
        <source>Saved %1. Its password was left as it was.</source>
        <translation>%1 저장됨. 비밀번호는 변경하지 않았습니다.</translation>
    </message>
    <message>
        <source>Saved %1. Its password is kept for this session only, in memory: Topograph forgets it when it quits.</source>
        <translation>%1 저장됨. 비밀번호는 이 세션 동안만 메모리에 보관되며, Topograph를 종료하면 잊힙니다.</translation>
    </message>
    <message>
        <source>Saved the settings of %1, but NOT its password: %2
Keep it for this session only (in memory, forgotten when Topograph quits), or start Topograph with --password-env VAR.</source>
        <translation>%1의 설정은 저장했지만 비밀번호는 저장하지 못했습니다: %2
이 세션 동안만 보관하거나(메모리에만, Topograph 종료 시 잊힘) --password-env VAR로 Topograph를 시작하세요.</translation>
    </message>
    <message>
        <source>the OS keychain cannot be used here.</source>
        <translation>여기서는 OS 키체인을 사용할 수 없습니다.</translation>
    </message>
    <message>
        <source>Storing the password in the OS keychain…</source>
        <translation>OS 키체인에 비밀번호 저장 중…</translation>
    </message>
    <message>
        <source>Saved %1. Its password is in the OS keychain (service &apos;%2&apos;, account &apos;%3&apos;).</source>
        <translation>%1 저장됨. 비밀번호는 OS 키체인에 있습니다 (서비스 &apos;%2&apos;, 계정 &apos;%3&apos;).</translation>
    </message>
    <message>
        <source>Forgot the session password of %1; the keychain cannot be reached (%2), so nothing was removed from it.</source>
        <translation>%1의 세션 비밀번호를 잊었습니다. 키체인에 접근할 수 없어(%2) 키체인에서는 아무것도 삭제하지 않았습니다.</translation>
    </message>
    <message>
        <source>Removed the password of %1 from the OS keychain.</source>
        <translation>OS 키체인에서 %1의 비밀번호를 삭제했습니다.</translation>
    </message>
    <message>
        <source>Could not remove the password of %1 from the OS keychain: %2</source>
        <translation>OS 키체인에서 %1의 비밀번호를 삭제할 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::ConnectionManagerDialog</name>
    <message>
        <source>Seeds: %1</source>
        <translation>시드: %1</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>How Topograph connects to each cluster. A profile applies to the servers of the cluster it is named after (name or alias), and to those discovered from its seeds; every other server uses the command line&apos;s settings. Passwords go to the OS keychain, never to a file.</source>
        <translation>Topograph가 각 클러스터에 연결하는 방법입니다. 프로필은 프로필 이름(클러스터 이름 또는 별칭)에 해당하는 클러스터의 서버와, 프로필의 시드에서 탐색된 서버에 적용됩니다. 그 밖의 서버는 명령줄 설정을 사용합니다. 비밀번호는 파일이 아닌 OS 키체인에 저장됩니다.</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>제거(&amp;R)</translation>
    </message>
    <message>
        <source>cluster name or alias, or HOST:PORT</source>
        <translation>클러스터 이름 또는 별칭, 또는 HOST:PORT</translation>
    </message>
    <message>
        <source>HOST:PORT, …</source>
        <translation>HOST:PORT, …</translation>
    </message>
    <message>
        <source>Servers to discover the cluster from, separated by commas; the port defaults to 3306.</source>
        <translation>클러스터 탐색을 시작할 서버입니다. 쉼표로 구분하며, 포트 기본값은 3306입니다.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <source>S&amp;eeds:</source>
        <translation>시드(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>연결 테스트(&amp;T)</translation>
    </message>
    <message>
        <source>Name: give the cluster&apos;s name or alias, or a seed HOST:PORT</source>
        <translation>이름: 클러스터 이름이나 별칭, 또는 시드 HOST:PORT를 입력하세요</translation>
    </message>
    <message>
        <source>Nothing to test against: add a seed HOST:PORT (or name the profile HOST:PORT)</source>
        <translation>테스트할 대상이 없습니다: 시드 HOST:PORT를 추가하세요 (또는 프로필 이름을 HOST:PORT로 지정)</translation>
    </message>
    <message>
        <source>Remove the profile %1 and its password (keychain account %2)? Its servers then use the command line&apos;s settings.</source>
        <translation>프로필 %1 및 비밀번호(키체인 계정 %2)를 제거하시겠습니까? 이후 해당 서버는 명령줄 설정을 사용합니다.</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::ConnectionProfiles</name>
    <message>
        <source>cannot write the connection settings to %1; check that the file and its folder are writable</source>
        <translation>연결 설정을 %1에 쓸 수 없습니다. 파일과 폴더에 쓰기 권한이 있는지 확인하세요</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::DiscoverDialog</name>
    <message>
        <source>Discover a Topology</source>
        <translation>토폴로지 탐색</translation>
    </message>
    <message>
        <source>Give one server of the topology. Topograph connects to it, then follows its master and replicas to find the rest, with the same login.</source>
        <translation>토폴로지의 서버 하나를 입력하세요. Topograph가 그 서버에 연결한 뒤, 같은 로그인 정보로 마스터와 레플리카를 따라가며 나머지를 찾습니다.</translation>
    </message>
    <message>
        <source>HOST:PORT (port 3306 when left out)</source>
        <translation>HOST:PORT (포트 생략 시 3306)</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>시드(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>연결 테스트(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Discover</source>
        <translation>탐색(&amp;D)</translation>
    </message>
    <message>
        <source>Seed: %1</source>
        <translation>시드: %1</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::Duration</name>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1일</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1시간</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1분</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::ExportDialog</name>
    <message>
        <source>PDF document</source>
        <translation>PDF 문서</translation>
    </message>
    <message>
        <source>HTML page</source>
        <translation>HTML 페이지</translation>
    </message>
    <message>
        <source>CSV (spreadsheet)</source>
        <translation>CSV (스프레드시트)</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>감사 로그 내보내기</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>형식(&amp;F):</translation>
    </message>
    <message>
        <source>All clusters</source>
        <translation>모든 클러스터</translation>
    </message>
    <message>
        <source>&amp;Cluster:</source>
        <translation>클러스터(&amp;C):</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>전체 기간</translation>
    </message>
    <message>
        <source>from</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>to</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Local time; the end is exclusive.</source>
        <translation>로컬 시각. 종료 시각은 포함하지 않습니다.</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>기간(&amp;P):</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>파일(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>열기(&amp;O)</translation>
    </message>
    <message numerus="yes">
        <source>Writing %1… %n s</source>
        <translation>
            <numerusform>%1 쓰는 중… %n초</numerusform>
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
        <translation>저장할 파일을 선택하세요.</translation>
    </message>
    <message>
        <source>%1 is a folder; choose a file name in it.</source>
        <translation>%1: 폴더입니다. 그 안의 파일 이름을 지정하세요.</translation>
    </message>
    <message>
        <source>The period ends before it starts; correct the dates or tick All time.</source>
        <translation>기간의 종료가 시작보다 앞섭니다. 날짜를 고치거나 &apos;전체 기간&apos;을 선택하세요.</translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation>파일을 바꾸시겠습니까?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 파일이 이미 있습니다. 바꾸시겠습니까?</translation>
    </message>
    <message>
        <source>Topograph audit report</source>
        <translation>Topograph 감사 보고서</translation>
    </message>
    <message>
        <source>Wrote %1 (%L2 bytes) to %3 in %4 s.</source>
        <translation>%3에 %1 저장 완료 (%L2바이트, %4초).</translation>
    </message>
    <message>
        <source>Could not export to %1: %2</source>
        <translation>내보내지 못했습니다 (%1): %2</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 쓰는 중…</translation>
    </message>
    <message>
        <source>No application could open %1; open it from your file manager.</source>
        <translation>%1 파일을 열 수 있는 프로그램이 없습니다. 파일 관리자에서 여세요.</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::FailoverSettingsDialog</name>
    <message>
        <source>Failover settings</source>
        <translation>장애 조치 설정</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON 파일 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Import failover policy</source>
        <translation>장애 조치 정책 가져오기</translation>
    </message>
    <message>
        <source>Export failover policy</source>
        <translation>장애 조치 정책 내보내기</translation>
    </message>
    <message>
        <source>Recovery filters</source>
        <translation>복구 필터</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>타이밍</translation>
    </message>
    <message>
        <source>Hooks</source>
        <translation>훅</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>승격</translation>
    </message>
    <message>
        <source>why (kept in the policy history and the audit log)</source>
        <translation>변경 이유 (정책 이력과 감사 로그에 남음)</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>코멘트:</translation>
    </message>
    <message>
        <source>Import...</source>
        <translation>가져오기...</translation>
    </message>
    <message>
        <source>Fill the tabs from a policy JSON file (as topograph-cli policy export writes it).</source>
        <translation>정책 JSON 파일(topograph-cli policy export가 쓰는 형식)의 내용으로 탭을 채웁니다.</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>내보내기...</translation>
    </message>
    <message>
        <source>Write what the tabs show to a policy JSON file.</source>
        <translation>탭에 표시된 내용을 정책 JSON 파일로 씁니다.</translation>
    </message>
    <message>
        <source>Cannot open the store, so nothing can be saved: %1</source>
        <translation>저장소를 열 수 없어 아무것도 저장할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>%1. Saving replaces the stored policy with what these tabs show.</source>
        <translation>%1. 저장하면 저장된 정책이 이 탭들에 표시된 내용으로 바뀝니다.</translation>
    </message>
    <message>
        <source>One entry per row: * (every cluster), alias=NAME, alias~=REGEX, an exact cluster name, or a regular expression on the cluster name. Expressions match the WHOLE name: db1 does not cover db10:3306; write db1.* for a prefix.</source>
        <translation>한 행에 항목 하나: * (모든 클러스터), alias=NAME, alias~=REGEX, 정확한 클러스터 이름, 또는 클러스터 이름에 대한 정규식. 식은 이름 &apos;전체&apos;와 일치해야 합니다: db1은 db10:3306에 해당하지 않으며, 접두사로 쓰려면 db1.*이라고 쓰세요.</translation>
    </message>
    <message>
        <source>Clusters whose dead master Topograph recovers on its own while automatic failover is on.</source>
        <translation>자동 장애 조치가 켜져 있을 때 Topograph가 다운된 마스터를 스스로 복구하는 클러스터.</translation>
    </message>
    <message>
        <source>Clusters whose dead intermediate masters (replicas with replicas) are recovered on their own. Same syntax.</source>
        <translation>다운된 중간 마스터(레플리카를 가진 레플리카)를 자동으로 복구하는 클러스터. 문법은 같습니다.</translation>
    </message>
    <message>
        <source>Host names never promoted, as regular expressions matched against the WHOLE host name: 10\.2\.9\.6 does not match 10.2.9.67. The port is not part of the name.</source>
        <translation>절대 승격하지 않을 호스트 이름. 호스트 이름 &apos;전체&apos;와 일치하는 정규식으로 씁니다: 10\.2\.9\.6은 10.2.9.67과 일치하지 않습니다. 포트는 이름에 포함되지 않습니다.</translation>
    </message>
    <message>
        <source>Automatic failover is ON (the heart in the toolbar): clusters these filters cover are recovered without asking anyone.</source>
        <translation>자동 장애 조치가 켜져 있습니다 (도구 모음의 하트): 이 필터에 해당하는 클러스터는 아무에게도 묻지 않고 복구됩니다.</translation>
    </message>
    <message>
        <source>Automatic failover is OFF (the heart in the toolbar): these filters take effect once it is turned on.</source>
        <translation>자동 장애 조치가 꺼져 있습니다 (도구 모음의 하트): 켜면 이 필터가 적용됩니다.</translation>
    </message>
    <message>
        <source>Fix this first: %1</source>
        <translation>먼저 이것을 고치세요: %1</translation>
    </message>
    <message>
        <source>Nothing can be saved: no store is open.</source>
        <translation>저장할 수 없습니다: 열린 저장소가 없습니다.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>저장되지 않음: %1</translation>
    </message>
    <message>
        <source>changed in Failover settings</source>
        <translation>장애 조치 설정에서 변경</translation>
    </message>
    <message>
        <source>The policy was saved, but the promotion rule of %1 was not: %2</source>
        <translation>정책은 저장했지만 %1의 승격 규칙은 저장하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>Cannot import %1: %2. Nothing was changed.</source>
        <translation>가져올 수 없습니다 (%1): %2. 아무것도 변경하지 않았습니다.</translation>
    </message>
    <message>
        <source>it is not valid JSON (%1 at offset %2)</source>
        <translation>올바른 JSON이 아닙니다 (오프셋 %2에서 %1)</translation>
    </message>
    <message>
        <source>it is not a JSON object with policy keys</source>
        <translation>정책 키를 가진 JSON 객체가 아닙니다</translation>
    </message>
    <message>
        <source>Imported %1. Review the tabs and press Save to apply it.</source>
        <translation>%1 파일을 가져왔습니다. 탭을 검토한 뒤 &apos;저장&apos;을 눌러 적용하세요.</translation>
    </message>
    <message>
        <source>AutoFailover in the file (%1) is not applied: turn it on or off with the heart in the toolbar.</source>
        <translation>파일의 AutoFailover(%1)는 적용되지 않습니다: 도구 모음의 하트로 켜거나 끄세요.</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>내보내지 않음: %1</translation>
    </message>
    <message>
        <source>Cannot export to %1: %2</source>
        <translation>내보낼 수 없습니다 (%1): %2</translation>
    </message>
    <message>
        <source>Exported to %1 (what these tabs show, saved or not).</source>
        <translation>%1에 내보냈습니다 (저장 여부와 관계없이 이 탭에 표시된 내용).</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::FilterListEditor</name>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>위로</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>아래로</translation>
    </message>
    <message>
        <source>Entries are tried in order; the first one that matches is named in explanations.</source>
        <translation>항목은 순서대로 검사하며, 처음 일치한 항목이 설명에 표시됩니다.</translation>
    </message>
    <message>
        <source>e.g. *, alias=sales, alias~=prod-.*, db1.*:3306</source>
        <translation>예: *, alias=sales, alias~=prod-.*, db1.*:3306</translation>
    </message>
    <message>
        <source>e.g. backup-.*, 10\.2\.9\.6</source>
        <translation>예: backup-.*, 10\.2\.9\.6</translation>
    </message>
    <message>
        <source>Entry:</source>
        <translation>항목:</translation>
    </message>
    <message>
        <source>Row %1 is not valid: %2</source>
        <translation>%1행이 올바르지 않습니다: %2</translation>
    </message>
    <message>
        <source>The preview waits until the marked entry is fixed.</source>
        <translation>표시된 항목을 고칠 때까지 미리 보기를 보류합니다.</translation>
    </message>
    <message>
        <source>Empty: covers no cluster.</source>
        <translation>비어 있음: 대상 클러스터 없음.</translation>
    </message>
    <message>
        <source>No fleet discovered yet: nothing to preview.</source>
        <translation>아직 탐색된 서버가 없어 미리 볼 것이 없습니다.</translation>
    </message>
    <message>
        <source>Covers clusters: %1</source>
        <translation>대상 클러스터: %1</translation>
    </message>
    <message>
        <source>Does not cover: %1</source>
        <translation>대상 아님: %1</translation>
    </message>
    <message>
        <source>Empty: no host is excluded from promotion by name.</source>
        <translation>비어 있음: 이름으로 승격에서 제외되는 호스트가 없습니다.</translation>
    </message>
    <message>
        <source>Never promotes: no instance of the current fleet matches.</source>
        <translation>승격 제외: 현재 탐색된 인스턴스 중 일치하는 것이 없습니다.</translation>
    </message>
    <message>
        <source>Never promotes: %1</source>
        <translation>승격 제외: %1</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::FleetTray</name>
    <message>
        <source>Topograph: no snapshot yet</source>
        <translation>Topograph: 아직 스냅샷 없음</translation>
    </message>
    <message>
        <source>Topograph: %1 instances in %2 clusters</source>
        <translation>Topograph: 클러스터 %2개, 인스턴스 %1개</translation>
    </message>
    <message numerus="yes">
        <source>%n serious problem(s): </source>
        <translation>
            <numerusform>심각한 문제 %n건: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>경고 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>all healthy</source>
        <translation>모두 정상</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2: %1</translation>
    </message>
    <message>
        <source>Cluster %1: %2</source>
        <translation>클러스터 %1: %2</translation>
    </message>
    <message>
        <source>Recovery of %1 succeeded</source>
        <translation>%1 복구 성공</translation>
    </message>
    <message>
        <source>Recovery of %1 FAILED</source>
        <translation>%1 복구 실패</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::HookListEditor</name>
    <message>
        <source>When a recoverable failure is detected, before anything is done.</source>
        <translation>복구 가능한 장애를 감지했을 때, 아무 조치도 하기 전.</translation>
    </message>
    <message>
        <source>Before a failover. A non-zero exit aborts it: the place to fence the old master.</source>
        <translation>장애 조치 전. 종료 코드가 0이 아니면 장애 조치를 중단합니다: 이전 마스터를 펜싱할 곳입니다.</translation>
    </message>
    <message>
        <source>After a dead master was recovered.</source>
        <translation>다운된 마스터를 복구한 후.</translation>
    </message>
    <message>
        <source>After a dead intermediate master was recovered.</source>
        <translation>다운된 중간 마스터를 복구한 후.</translation>
    </message>
    <message>
        <source>After any successful recovery.</source>
        <translation>복구가 성공한 후 (종류 무관).</translation>
    </message>
    <message>
        <source>After a recovery failed; TOPOGRAPH_ERROR says why.</source>
        <translation>복구가 실패한 후. TOPOGRAPH_ERROR에 원인이 들어 있습니다.</translation>
    </message>
    <message>
        <source>Before a planned switchover. A non-zero exit aborts it.</source>
        <translation>계획된 스위치오버 전. 종료 코드가 0이 아니면 스위치오버를 중단합니다.</translation>
    </message>
    <message>
        <source>After a planned switchover.</source>
        <translation>계획된 스위치오버 후.</translation>
    </message>
    <message>
        <source>Each hook point runs its commands in order, without a shell. Type one command per row: arguments separated by spaces, &quot;double quotes&quot; around an argument with spaces, &quot;&quot;&quot; for a literal quote. For shell features run a shell yourself: /bin/sh -c &quot;...&quot;. The event arrives in environment variables (TOPOGRAPH_CLUSTER, TOPOGRAPH_FAILED_HOST, TOPOGRAPH_SUCCESSOR_HOST, ...), never spliced into the command, so a hostile host name cannot inject one.</source>
        <translation>각 훅 포인트는 명령을 셸 없이 순서대로 실행합니다. 한 행에 명령 하나씩 입력하세요: 인수는 공백으로 구분하고, 공백이 들어간 인수는 &quot;큰따옴표&quot;로 감싸며, 따옴표 문자 자체는 &quot;&quot;&quot;로 씁니다. 셸 기능이 필요하면 직접 셸을 실행하세요: /bin/sh -c &quot;...&quot;. 이벤트는 환경 변수(TOPOGRAPH_CLUSTER, TOPOGRAPH_FAILED_HOST, TOPOGRAPH_SUCCESSOR_HOST, ...)로 전달되고 명령에 끼워 넣지 않으므로, 악의적인 호스트 이름으로 명령을 주입할 수 없습니다.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>위로</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>아래로</translation>
    </message>
    <message>
        <source>/usr/local/bin/notify --event failover</source>
        <translation>/usr/local/bin/notify --event failover</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>명령:</translation>
    </message>
    <message>
        <source>Runs:</source>
        <translation>실행 내용:</translation>
    </message>
    <message>
        <source>Test hook</source>
        <translation>훅 테스트</translation>
    </message>
    <message>
        <source>Runs the selected command now, with a sample event, and shows what it did.</source>
        <translation>선택한 명령을 샘플 이벤트로 지금 실행하고 결과를 보여 줍니다.</translation>
    </message>
    <message>
        <source>The output of a test run appears here.</source>
        <translation>테스트 실행의 출력이 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>%1, command %2: a double quote is not closed</source>
        <translation>%1, 명령 %2: 큰따옴표가 닫히지 않았습니다</translation>
    </message>
    <message>
        <source>No fleet discovered yet: a test event names no servers. TOPOGRAPH_HOOK_TEST=1 tells the hook it is a test.</source>
        <translation>아직 탐색된 서버가 없어 테스트 이벤트에 서버 이름이 없습니다. TOPOGRAPH_HOOK_TEST=1로 훅에 테스트임을 알립니다.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>A test runs with a sample event: cluster %1, failed %2, successor %3. TOPOGRAPH_HOOK_TEST=1 tells the hook it is a test.</source>
        <translation>테스트는 샘플 이벤트로 실행됩니다: 클러스터 %1, 장애 %2, 승계 %3. TOPOGRAPH_HOOK_TEST=1로 훅에 테스트임을 알립니다.</translation>
    </message>
    <message>
        <source>sample error: this is a test run</source>
        <translation>샘플 오류: 테스트 실행입니다</translation>
    </message>
    <message>
        <source>A double quote is not closed: close it, or write &quot;&quot;&quot; for a literal quote.</source>
        <translation>큰따옴표가 닫히지 않았습니다: 닫거나, 따옴표 문자 자체는 &quot;&quot;&quot;로 쓰세요.</translation>
    </message>
    <message>
        <source>%1 is not an executable program on this machine.</source>
        <translation>이 컴퓨터에서 실행할 수 있는 프로그램이 아닙니다: %1</translation>
    </message>
    <message>
        <source>Running %1 (at most %2)...</source>
        <translation>%1 실행 중 (최대 %2)...</translation>
    </message>
    <message>
        <source>✖ Could not start: %1</source>
        <translation>✖ 시작할 수 없음: %1</translation>
    </message>
    <message>
        <source>✖ Timed out after %1 ms and was killed</source>
        <translation>✖ %1 ms 후 시간 초과로 강제 종료됨</translation>
    </message>
    <message>
        <source>Exit status %1 after %2 ms</source>
        <translation>종료 코드 %1 (%2 ms)</translation>
    </message>
    <message>
        <source>(no output)</source>
        <translation>(출력 없음)</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::InstanceDetails</name>
    <message>
        <source>Fact</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>never</source>
        <translation>기록 없음</translation>
    </message>
    <message>
        <source>%1 d %2 h %3 min</source>
        <translation>%1일 %2시간 %3분</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>식별 정보</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>프로브</translation>
    </message>
    <message>
        <source>Writeability and binary log</source>
        <translation>쓰기 가능 여부와 바이너리 로그</translation>
    </message>
    <message>
        <source>GTID</source>
        <translation>GTID</translation>
    </message>
    <message>
        <source>Semi-synchronous replication</source>
        <translation>반동기 복제</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>연결 가능</translation>
    </message>
    <message>
        <source>no: %1</source>
        <translation>아니요: %1</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>마지막 오류</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>마지막 검사</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>마지막 응답</translation>
    </message>
    <message>
        <source>Probe time</source>
        <translation>프로브 시간</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Downtime</source>
        <translation>다운타임</translation>
    </message>
    <message>
        <source>until %1 by %2: %3</source>
        <translation>%1까지, 설정자 %2: %3</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>유지보수</translation>
    </message>
    <message>
        <source>Promotion rule</source>
        <translation>승격 규칙</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>인스턴스</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>호스트 이름</translation>
    </message>
    <message>
        <source>Server ID</source>
        <translation>서버 ID</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>Flavour</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>가동 시간</translation>
    </message>
    <message>
        <source>Server UUID</source>
        <translation>서버 UUID</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>클러스터</translation>
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
        <translation>바이너리 로그 위치</translation>
    </message>
    <message>
        <source>slave_net_timeout</source>
        <translation>slave_net_timeout</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>Replicas it reports</source>
        <translation>보고된 레플리카</translation>
    </message>
    <message>
        <source> (from the process list)</source>
        <translation> (프로세스 목록 기준)</translation>
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
        <translation>복제 (기본 연결)</translation>
    </message>
    <message>
        <source>Replication channel &apos;%1&apos;</source>
        <translation>복제 채널 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>소스</translation>
    </message>
    <message>
        <source> as %1</source>
        <translation> (사용자 %1)</translation>
    </message>
    <message>
        <source>IO thread</source>
        <translation>IO 스레드</translation>
    </message>
    <message>
        <source>SQL thread</source>
        <translation>SQL 스레드</translation>
    </message>
    <message>
        <source>Seconds behind master</source>
        <translation>마스터 대비 지연</translation>
    </message>
    <message>
        <source>SQL delay</source>
        <translation>SQL 지연</translation>
    </message>
    <message>
        <source>auto position</source>
        <translation>자동 포지션</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>수신</translation>
    </message>
    <message>
        <source>Applied up to</source>
        <translation>적용 위치</translation>
    </message>
    <message>
        <source>Relay log</source>
        <translation>릴레이 로그</translation>
    </message>
    <message>
        <source>SSL allowed</source>
        <translation>SSL 허용</translation>
    </message>
    <message>
        <source>Last IO error</source>
        <translation>마지막 IO 오류</translation>
    </message>
    <message>
        <source>Last SQL error</source>
        <translation>마지막 SQL 오류</translation>
    </message>
    <message>
        <source>Master side</source>
        <translation>마스터 측</translation>
    </message>
    <message>
        <source>enabled %1, active %2, %3 clients, waits for %4, timeout %5 ms</source>
        <translation>활성화 %1, 동작 %2, 클라이언트 %3개, 응답 대기 %4, 타임아웃 %5 ms</translation>
    </message>
    <message>
        <source>Replica side</source>
        <translation>레플리카 측</translation>
    </message>
    <message>
        <source>enabled %1, active %2</source>
        <translation>활성화 %1, 동작 %2</translation>
    </message>
    <message>
        <source>Plugins</source>
        <translation>플러그인</translation>
    </message>
    <message>
        <source>not loaded</source>
        <translation>로드되지 않음</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::InstanceItem</name>
    <message>
        <source>Recover…</source>
        <translation>복구…</translation>
    </message>
    <message>
        <source>⇧ Drop here to promote (graceful takeover)</source>
        <translation>⇧ 여기에 놓으면 승격 (그레이스풀 테이크오버)</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::KeychainThread</name>
    <message>
        <source>cannot use the keychain entry &apos;%1&apos; (service &apos;%2&apos;): the application is not running (internal error)</source>
        <translation>키체인 항목을 사용할 수 없습니다 (&apos;%1&apos;, 서비스 &apos;%2&apos;): 애플리케이션이 실행 중이 아닙니다 (내부 오류)</translation>
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
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Topograph</source>
        <translation>Topograph 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>Find instance (host:port) or cluster alias…</source>
        <translation>인스턴스(host:port) 또는 클러스터 별칭 찾기…</translation>
    </message>
    <message>
        <source>No instance or cluster matches “%1”</source>
        <translation>“%1”에 일치하는 인스턴스나 클러스터가 없습니다</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-, Ctrl+wheel)</source>
        <translation>축소 (Ctrl+-, Ctrl+휠)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++, Ctrl+wheel)</source>
        <translation>확대 (Ctrl++, Ctrl+휠)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>맞춤</translation>
    </message>
    <message>
        <source>Fit the cluster in the view (Ctrl+0)</source>
        <translation>클러스터를 화면에 맞춤 (Ctrl+0)</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>클러스터</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>인스턴스</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>Recoveries</source>
        <translation>복구</translation>
    </message>
    <message>
        <source>Recovery of %1</source>
        <translation>%1 복구</translation>
    </message>
    <message>
        <source>Recovery of %1 (from the Recover dialog)</source>
        <translation>%1 복구 (복구 대화 상자에서)</translation>
    </message>
    <message>
        <source>Not connected to an engine: nothing was run</source>
        <translation>엔진에 연결되지 않아 아무것도 실행하지 않았습니다</translation>
    </message>
    <message>
        <source>Another operation from this window is still running</source>
        <translation>이 창에서 시작한 다른 작업이 아직 실행 중입니다</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2의 %1</translation>
    </message>
    <message>
        <source>Snapshot %1 at %2 · %3 instances in %4 clusters · %5 serious problems</source>
        <translation>스냅샷 %1 (%2) · 클러스터 %4개, 인스턴스 %3개 · 심각한 문제 %5건</translation>
    </message>
    <message numerus="yes">
        <source>%n server(s) of cluster %1</source>
        <translation>
            <numerusform>클러스터 %1의 서버 %n대</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 not answering; %n other(s) polled normally</source>
        <translation>
            <numerusform>%1 응답 없음; 나머지 %n대는 정상적으로 폴링 중</numerusform>
        </translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>차트</translation>
    </message>
    <message>
        <source>Audit Log</source>
        <translation>감사 로그</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>기본</translation>
    </message>
    <message>
        <source>&amp;Discover…</source>
        <translation>탐색(&amp;D)…</translation>
    </message>
    <message>
        <source>Add a seed server: its whole replication tree is discovered (Ctrl+N)</source>
        <translation>시드 서버 추가: 전체 복제 트리를 탐색합니다 (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>연결(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Export Audit Report…</source>
        <translation>감사 보고서 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>환경 설정(&amp;P)…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit Cluster</source>
        <translation>클러스터 맞춤(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Find Instance…</source>
        <translation>인스턴스 찾기(&amp;F)…</translation>
    </message>
    <message>
        <source>F&amp;ailover</source>
        <translation>장애 조치(&amp;A)</translation>
    </message>
    <message>
        <source>Failover &amp;Settings…</source>
        <translation>장애 조치 설정(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <source>Show Topograph</source>
        <translation>Topograph 보기</translation>
    </message>
    <message>
        <source>No store is open: the failover policy lives in the store</source>
        <translation>열린 저장소가 없습니다: 장애 조치 정책은 저장소에 보관됩니다</translation>
    </message>
    <message>
        <source>Failover policy saved; the engine applies it within a second</source>
        <translation>장애 조치 정책을 저장했습니다. 엔진이 1초 안에 적용합니다</translation>
    </message>
    <message>
        <source>Discovering from %1…</source>
        <translation>%1에서 탐색 중…</translation>
    </message>
    <message>
        <source>Discover</source>
        <translation>탐색</translation>
    </message>
    <message>
        <source>Failover Settings</source>
        <translation>장애 조치 설정</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>보고서 내보내기</translation>
    </message>
    <message>
        <source>Replication password stored in the keychain as %1</source>
        <translation>복제 비밀번호를 키체인에 %1(으)로 저장했습니다</translation>
    </message>
    <message>
        <source>Replication password not stored: %1</source>
        <translation>복제 비밀번호를 저장하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::MetricChart</name>
    <message>
        <source>Local time</source>
        <translation>로컬 시각</translation>
    </message>
    <message>
        <source>Seconds behind master</source>
        <translation>마스터 대비 지연 (초)</translation>
    </message>
    <message>
        <source>Probe time (ms)</source>
        <translation>프로브 시간 (ms)</translation>
    </message>
    <message numerus="yes">
        <source>%1&lt;br&gt;&lt;small&gt;%n lines: point at one to name it&lt;/small&gt;</source>
        <translation>
            <numerusform>%1&lt;br&gt;&lt;small&gt;선 %n개: 선을 가리키면 이름이 표시됩니다&lt;/small&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s behind</source>
        <translation>%1초 지연</translation>
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
        <translation>실행 확인: %2의 %1</translation>
    </message>
    <message>
        <source>⚠ Writes are refused while it runs: %1</source>
        <translation>⚠ 실행 중에는 쓰기가 거부됩니다: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>참고: %1</translation>
    </message>
    <message>
        <source>Run takeover</source>
        <translation>테이크오버 실행</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>empty: keychain entry %1 or %2@*</source>
        <translation>비워 두면: 키체인 항목 %1 또는 %2@*</translation>
    </message>
    <message>
        <source>Password of replication user &apos;%1&apos;:</source>
        <translation>복제 사용자 &apos;%1&apos;의 비밀번호:</translation>
    </message>
    <message>
        <source>Remember it in the keychain as %1</source>
        <translation>키체인에 %1(으)로 기억</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>환경 설정</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>시스템 설정과 동일</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>Colours:</source>
        <translation>색상:</translation>
    </message>
    <message>
        <source>Same as the system (%1)</source>
        <translation>시스템 설정과 동일 (%1)</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>언어:</translation>
    </message>
    <message>
        <source>A new language applies the next time Topograph starts.</source>
        <translation>새 언어는 Topograph를 다음에 시작할 때 적용됩니다.</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::ProblemsPanel</name>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>인스턴스</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>클러스터</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Recover…</source>
        <translation>복구…</translation>
    </message>
    <message>
        <source>[downtimed] %1</source>
        <comment>an analysis explanation</comment>
        <translation>[다운타임] %1</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::ProgressPanel</name>
    <message>
        <source>Recovery / step</source>
        <translation>복구 / 단계</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>▶ running</source>
        <translation>▶ 실행 중</translation>
    </message>
    <message>
        <source>✓ ok</source>
        <translation>✓ 성공</translation>
    </message>
    <message>
        <source>✖ failed</source>
        <translation>✖ 실패</translation>
    </message>
    <message>
        <source>– skipped</source>
        <translation>– 건너뜀</translation>
    </message>
    <message>
        <source>↶ undone</source>
        <translation>↶ 되돌림</translation>
    </message>
    <message>
        <source>✖ interrupted</source>
        <translation>✖ 중단됨</translation>
    </message>
    <message>
        <source>Recovery of %1</source>
        <translation>%1 복구</translation>
    </message>
    <message>
        <source>⊘ refused, nothing changed</source>
        <translation>⊘ 거부됨, 변경 없음</translation>
    </message>
    <message>
        <source>%1 in %2 s</source>
        <comment>outcome, seconds</comment>
        <translation>%1 (%2초)</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::PromotionRulesEditor</name>
    <message>
        <source>prefer</source>
        <translation>prefer (우선)</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>neutral (중립)</translation>
    </message>
    <message>
        <source>prefer_not</source>
        <translation>prefer_not (비선호)</translation>
    </message>
    <message>
        <source>must_not (never promoted)</source>
        <translation>must_not (승격 안 함)</translation>
    </message>
    <message>
        <source>Among candidates equally advanced, prefer wins over neutral over prefer_not; must_not is never promoted. Data comes first: a preferred replica that lags is only used once the most advanced one has fed it what it lacks.</source>
        <translation>데이터가 똑같이 앞선 후보 사이에서는 prefer가 neutral보다, neutral이 prefer_not보다 우선하며, must_not은 절대 승격되지 않습니다. 데이터가 먼저입니다: 지연된 선호 레플리카는 가장 앞선 레플리카가 부족한 부분을 채워 준 뒤에야 사용됩니다.</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>인스턴스</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>클러스터</translation>
    </message>
    <message>
        <source>Promotion rule</source>
        <translation>승격 규칙</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>비고</translation>
    </message>
    <message>
        <source>not in the current fleet</source>
        <translation>현재 토폴로지에 없음</translation>
    </message>
    <message>
        <source>never promoted: PromotionIgnoreHostnameFilters &apos;%1&apos;</source>
        <translation>승격 안 함: PromotionIgnoreHostnameFilters &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::RecoverDialog</name>
    <message>
        <source>Recover %1</source>
        <translation>%1 복구</translation>
    </message>
    <message>
        <source>Force failover of %1</source>
        <translation>%1 강제 장애 조치</translation>
    </message>
    <message>
        <source>I understand: %1 is alive. It will be made read-only (its clients&apos; writes fail from then on), the chosen replica waits for its last transaction, and then takes over.</source>
        <translation>이해했습니다: %1 서버는 살아 있습니다. 이 서버는 읽기 전용으로 전환되고(이후 클라이언트의 쓰기는 실패합니다), 선택한 레플리카가 마지막 트랜잭션까지 기다린 뒤 마스터를 넘겨받습니다.</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>후보</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>승격 가능</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>규칙</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>수신</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>적용</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>이유</translation>
    </message>
    <message>
        <source>Replica</source>
        <translation>레플리카</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>처리 내용</translation>
    </message>
    <message>
        <source>Fail over now</source>
        <translation>지금 장애 조치</translation>
    </message>
    <message>
        <source>Recover now</source>
        <translation>지금 복구</translation>
    </message>
    <message>
        <source>%1 of %2 (cluster %3). Nothing changes on any server until you press Recover now.</source>
        <translation>%2의 %1 (클러스터 %3). &apos;지금 복구&apos;를 누르기 전에는 어떤 서버도 변경되지 않습니다.</translation>
    </message>
    <message>
        <source>Force failover of the live master %1 (cluster %2). Nothing changes on any server until you confirm below and press Fail over now.</source>
        <translation>동작 중인 마스터 %1의 강제 장애 조치 (클러스터 %2). 아래에서 확인하고 &apos;지금 장애 조치&apos;를 누르기 전에는 어떤 서버도 변경되지 않습니다.</translation>
    </message>
    <message>
        <source>Nobody can be promoted: %1</source>
        <translation>승격할 수 있는 레플리카가 없습니다: %1</translation>
    </message>
    <message>
        <source>✓ yes</source>
        <translation>✓ 예</translation>
    </message>
    <message>
        <source>✖ no: %1</source>
        <translation>✖ 아니요: %1</translation>
    </message>
    <message>
        <source>most advanced</source>
        <translation>가장 앞섬</translation>
    </message>
    <message>
        <source>★ becomes the master</source>
        <translation>★ 마스터가 됨</translation>
    </message>
    <message>
        <source>first feeds %1 what it lacks, then follows it</source>
        <translation>먼저 %1에 부족한 부분을 채운 뒤 그 레플리카가 됨</translation>
    </message>
    <message>
        <source>→ follows %1</source>
        <translation>→ %1의 레플리카가 됨</translation>
    </message>
    <message>
        <source>✖ lost: %1</source>
        <translation>✖ 유실: %1</translation>
    </message>
    <message>
        <source>Recovery of %1</source>
        <translation>%1 복구</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>✓ Done: </source>
        <translation>✓ 완료: </translation>
    </message>
    <message>
        <source>✖ Failed: </source>
        <translation>✖ 실패: </translation>
    </message>
    <message>
        <source>✖ Not started: %1</source>
        <translation>✖ 시작하지 않음: %1</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>동작</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>키</translation>
    </message>
    <message>
        <source>Topology › Zoom</source>
        <translation>토폴로지 › 확대/축소</translation>
    </message>
    <message>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+휠</translation>
    </message>
    <message>
        <source>Topology › Cancel a drag</source>
        <translation>토폴로지 › 드래그 취소</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Topology › Instance actions</source>
        <translation>토폴로지 › 인스턴스 작업</translation>
    </message>
    <message>
        <source>right click on a card</source>
        <translation>카드를 마우스 오른쪽 클릭</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::StartupOptions</name>
    <message>
        <source>Topograph: a console for MySQL/MariaDB replication topologies.</source>
        <translation>Topograph: MySQL/MariaDB 복제 토폴로지 관리 콘솔.</translation>
    </message>
    <message>
        <source>The store (SQLite file) shared with topograph-cli.</source>
        <translation>topograph-cli와 공유하는 저장소 (SQLite 파일).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>The topology user Topograph connects as.</source>
        <translation>Topograph가 접속할 때 사용하는 토폴로지 사용자.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Read the password from this environment variable instead of the keychain.</source>
        <translation>키체인 대신 이 환경 변수에서 비밀번호를 읽습니다.</translation>
    </message>
    <message>
        <source>VAR</source>
        <translation>VAR</translation>
    </message>
    <message>
        <source>DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY.</source>
        <translation>DISABLED, PREFERRED, REQUIRED, VERIFY_CA 또는 VERIFY_IDENTITY.</translation>
    </message>
    <message>
        <source>MODE</source>
        <translation>MODE</translation>
    </message>
    <message>
        <source>CA certificate file (PEM).</source>
        <translation>CA 인증서 파일 (PEM).</translation>
    </message>
    <message>
        <source>Client certificate file (PEM).</source>
        <translation>클라이언트 인증서 파일 (PEM).</translation>
    </message>
    <message>
        <source>Client key file (PEM).</source>
        <translation>클라이언트 키 파일 (PEM).</translation>
    </message>
    <message>
        <source>Replication account for servers an operation repoints for the first time.</source>
        <translation>작업으로 처음 재지정되는 서버에 사용할 복제 계정.</translation>
    </message>
    <message>
        <source>Read the replication account&apos;s password from this environment variable.</source>
        <translation>이 환경 변수에서 복제 계정의 비밀번호를 읽습니다.</translation>
    </message>
    <message>
        <source>Servers to discover from, HOST:PORT.</source>
        <translation>탐색을 시작할 서버 (HOST:PORT).</translation>
    </message>
    <message>
        <source>[HOST:PORT...]</source>
        <translation>[HOST:PORT...]</translation>
    </message>
    <message>
        <source>seed %1: %2</source>
        <translation>시드 %1: %2</translation>
    </message>
</context>
<context>
    <name>Topograph::Gui::TimingEditor</name>
    <message>
        <source>After a recovery of a cluster, further AUTOMATIC recoveries there wait this long, unless the recovery is acknowledged (anti-flapping). Manual recovery is never blocked. 0 = no block.</source>
        <translation>클러스터를 복구한 뒤에는 그 복구가 확인 처리되지 않는 한, 해당 클러스터의 다음 &apos;자동&apos; 복구가 이 시간 동안 대기합니다 (안티 플래핑). 수동 복구는 차단되지 않습니다. 0 = 차단 안 함.</translation>
    </message>
    <message>
        <source>Replication lag above this is reported as a problem, and a master is not judged dead while all its replicas lag more than this (they may just be slow).</source>
        <translation>복제 지연이 이 값을 넘으면 문제로 보고합니다. 또한 모든 레플리카의 지연이 이 값을 넘는 동안에는 마스터를 다운으로 판정하지 않습니다 (단지 느린 것일 수 있으므로).</translation>
    </message>
    <message>
        <source>Lag a planned operation (relocation, graceful takeover) accepts; it is refused above this. Also the lag at which the topology view turns a replica red.</source>
        <translation>계획된 작업(재배치, 그레이스풀 테이크오버)이 허용하는 지연. 이 값을 넘으면 거부됩니다. 토폴로지 화면에서 레플리카를 빨간색으로 표시하는 기준이기도 합니다.</translation>
    </message>
    <message>
        <source>Refuse to promote a candidate whose applier is further behind than this. The candidate always applies what it received first; this bounds that wait. 0 = no limit.</source>
        <translation>적용(applier)이 이 값보다 더 뒤처진 후보는 승격하지 않습니다. 후보는 항상 수신한 내용을 먼저 적용하며, 이 값은 그 대기 시간의 상한입니다. 0 = 제한 없음.</translation>
    </message>
    <message>
        <source>How often each server is probed. Lower detects failures sooner (orchestrator&apos;s default is 5).</source>
        <translation>각 서버를 프로브하는 주기. 낮을수록 장애를 빨리 감지합니다 (orchestrator 기본값은 5).</translation>
    </message>
    <message>
        <source>A hook command running longer than this is killed (and a Pre hook that is killed aborts the failover).</source>
        <translation>이 시간보다 오래 실행되는 훅 명령은 강제 종료됩니다 (강제 종료된 Pre 훅은 장애 조치를 중단시킵니다).</translation>
    </message>
    <message>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <source>%1: from %2 to %3 seconds</source>
        <translation>%1: %2초부터 %3초까지</translation>
    </message>
    <message>
        <source>= no block</source>
        <translation>= 차단 안 함</translation>
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
        <translation>아직 토폴로지 없음</translation>
    </message>
    <message>
        <source>Make master (graceful takeover)…</source>
        <translation>마스터로 승격 (그레이스풀 테이크오버)…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>한 단계 위로 이동</translation>
    </message>
    <message>
        <source>Take siblings</source>
        <translation>형제 레플리카를 하위로 이동</translation>
    </message>
    <message>
        <source>Make co-master</source>
        <translation>코마스터로 만들기</translation>
    </message>
    <message>
        <source>Repoint to the same source</source>
        <translation>같은 소스로 재지정</translation>
    </message>
    <message>
        <source>Start replication</source>
        <translation>복제 시작</translation>
    </message>
    <message>
        <source>Stop replication</source>
        <translation>복제 중지</translation>
    </message>
    <message>
        <source>Detach replica</source>
        <translation>레플리카 분리</translation>
    </message>
    <message>
        <source>Reattach replica</source>
        <translation>레플리카 재연결</translation>
    </message>
    <message>
        <source>Set read-only</source>
        <translation>읽기 전용으로 설정</translation>
    </message>
    <message>
        <source>Set writable</source>
        <translation>쓰기 가능으로 설정</translation>
    </message>
    <message>
        <source>Begin downtime (1 hour)</source>
        <translation>다운타임 시작 (1시간)</translation>
    </message>
    <message>
        <source>End downtime</source>
        <translation>다운타임 종료</translation>
    </message>
    <message>
        <source>Begin maintenance</source>
        <translation>유지보수 시작</translation>
    </message>
    <message>
        <source>End maintenance</source>
        <translation>유지보수 종료</translation>
    </message>
    <message>
        <source>Forget this instance</source>
        <translation>이 인스턴스 잊기</translation>
    </message>
    <message>
        <source>set from the Topograph console</source>
        <translation>Topograph 콘솔에서 설정</translation>
    </message>
    <message>
        <source>Force failover now…</source>
        <translation>지금 강제 장애 조치…</translation>
    </message>
    <message>
        <source>only the single master of a cluster can be failed over</source>
        <translation>클러스터의 단일 마스터만 장애 조치할 수 있습니다</translation>
    </message>
    <message>
        <source>%1 does not answer: use Recover on its card</source>
        <translation>%1 응답 없음: 해당 카드의 &apos;복구&apos;를 사용하세요</translation>
    </message>
    <message>
        <source>%1 has no replica to promote</source>
        <translation>%1에는 승격할 레플리카가 없습니다</translation>
    </message>
    <message>
        <source>Promote a replica now although %1 is alive: it is made read-only first</source>
        <translation>%1 서버가 살아 있어도 지금 레플리카를 승격합니다: 먼저 읽기 전용으로 전환됩니다</translation>
    </message>
    <message>
        <source>Rejoin as a replica of %1…</source>
        <translation>%1의 레플리카로 재합류…</translation>
    </message>
</context>
</TS>
