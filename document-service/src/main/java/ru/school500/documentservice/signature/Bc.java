package ru.school500.documentservice.signature;

import java.security.Provider;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** One BouncyCastle provider instance, passed explicitly (not registered globally): it knows the GOST algorithms. */
final class Bc {

    static final Provider PROVIDER = new BouncyCastleProvider();

    private Bc() {
    }
}
