【重要】DLmarketにおけるカード情報流出に関するお詫びとお知らせ　管理コード：${managementCode}
