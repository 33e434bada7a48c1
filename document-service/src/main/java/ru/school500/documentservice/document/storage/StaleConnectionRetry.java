package ru.school500.documentservice.document.storage;

import java.io.IOException;
import java.io.InterruptedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * S3 closes keep-alive connections it has seen idle (about a minute); OkHttp only notices when it reuses
 * one, and for a GET it does not even look first. A read (GET, HEAD) that fails on the connection, not on
 * a timeout, is sent once more on a fresh connection after the idle ones are dropped. Writes are not
 * retried here (OkHttp checks a pooled connection's health before every other method), and neither are
 * timeouts, so an S3 that is down still answers 503 quickly.
 */
final class StaleConnectionRetry implements Interceptor {

    private static final Logger log = LoggerFactory.getLogger(StaleConnectionRetry.class);

    private final ConnectionPool pool;

    StaleConnectionRetry(ConnectionPool pool) {
        this.pool = pool;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String method = chain.request().method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return chain.proceed(chain.request());
        }
        try {
            return chain.proceed(chain.request());
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            log.info("S3 {} failed on a pooled connection ({}); retrying once on a new one", method, e.toString());
            pool.evictAll();
            return chain.proceed(chain.request());
        }
    }
}
