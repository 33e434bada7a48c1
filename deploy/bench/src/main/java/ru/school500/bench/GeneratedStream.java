package ru.school500.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * {@code size} bytes that start like a PDF, made block by block from a seed: the same bytes every time, and no
 * file of that size on disk. The same stream goes through the gateway and straight to S3.
 */
final class GeneratedStream extends InputStream {

    private final long size;
    private final byte[] block = new byte[1024 * 1024];
    private long position;
    private int offsetInBlock;

    GeneratedStream(long size, long seed) {
        this.size = size;
        new SplittableRandom(seed).nextBytes(block);
        byte[] magic = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, block, 0, magic.length);
    }

    @Override
    public int read() {
        if (position >= size) {
            return -1;
        }
        int value = block[offsetInBlock] & 0xff;
        advance(1);
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(Math.min(length, block.length - offsetInBlock), size - position);
        System.arraycopy(block, offsetInBlock, buffer, offset, n);
        advance(n);
        return n;
    }

    private void advance(int n) {
        position += n;
        offsetInBlock += n;
        if (offsetInBlock == block.length) {
            offsetInBlock = 0;
            // each block differs from the one before, so nothing on the way can deduplicate
            block[(int) ((position / block.length) % 1000) + 100] ^= (byte) 0x5a;
        }
    }
}
