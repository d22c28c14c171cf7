【重要】DLmarketにおける偽の決済フォームに関するお詫びとお知らせ　管理コード：${managementCode}
