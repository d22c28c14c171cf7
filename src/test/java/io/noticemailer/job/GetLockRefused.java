package io.noticemailer.job;

import java.util.Properties;
import java.util.function.Supplier;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.Query;
import com.mysql.cj.exceptions.CJException;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;

/**
 * Fault injection in the real MySQL driver (its {@code queryInterceptors} URL setting): every GET_LOCK fails as
 * a statement the server refused would (error HY000), on a connection that stays healthy, as MySQL 8 answers a
 * lock name over 64 characters. The pool then keeps the connection: only the caller can give it back.
 */
public final class GetLockRefused implements QueryInterceptor {

    static final String URL_SETTING = "queryInterceptors=" + GetLockRefused.class.getName();

    @Override
    public QueryInterceptor init(MysqlConnection connection, Properties properties, Log log) {
        return this;
    }

    @Override
    public <T extends Resultset> T preProcess(Supplier<String> sql, Query query) {
        if (sql.get() != null && sql.get().contains("GET_LOCK")) {
            CJException refused = new CJException("GET_LOCK refused (test fault)");
            refused.setSQLState("HY000");
            throw refused;
        }
        return null;
    }

    @Override
    public boolean executeTopLevelOnly() {
        return false;
    }

    @Override
    public void destroy() {
    }

    @Override
    public <T extends Resultset> T postProcess(Supplier<String> sql, Query query, T result, ServerSession session) {
        return null;
    }
}
