package ru.school500.documentservice.document.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts and hashes (SHA-256) the bytes read through it and fails as soon as more than {@code limit}
 * bytes arrive. Remembers whether a failure came from the limit, from the source (the client's request
 * body) or from neither, so the caller can tell 413 and 400 from a storage failure.
 */
final class DigestingInputStream extends FilterInputStream {

    static final class LimitExceededException extends IOException {
        LimitExceededException(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    private final MessageDigest sha256;
    private final long limit;
    private long count;
    private boolean limitExceeded;
    private boolean sourceFailed;

    DigestingInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (limitExceeded) {
            throw new LimitExceededException(limit);
        }
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (IOException e) {
            sourceFailed = true;
            throw e;
        }
        if (n > 0) {
            count += n;
            if (count > limit) {
                limitExceeded = true;
                throw new LimitExceededException(limit);
            }
            sha256.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) {
        return 0;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    long count() {
        return count;
    }

    boolean limitExceeded() {
        return limitExceeded;
    }

    boolean sourceFailed() {
        return sourceFailed;
    }

    String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
