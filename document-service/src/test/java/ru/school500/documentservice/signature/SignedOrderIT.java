package ru.school500.documentservice.signature;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.school500.documentservice.document.Uploads.json;
import static ru.school500.documentservice.document.Uploads.order;
import static ru.school500.documentservice.document.Uploads.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import ru.school500.documentservice.document.Files;
import ru.school500.documentservice.document.MultipartBody;
import ru.school500.documentservice.security.Users;
import ru.school500.documentservice.signature.TestPki.Algorithm;
import ru.school500.documentservice.support.IntegrationTest;

/** Orders and their detached signatures through the API: verified over the bytes read back from S3. */
class SignedOrderIT extends IntegrationTest {

    private String uploadOrder(byte[] content, String number) throws Exception {
        return json(upload(mvc, Users.kirMinistry(), order(number, "Распоряжение " + number + ".pdf", content))
                .andExpect(status().isCreated()).andReturn(), "$.id");
    }

    private org.springframework.test.web.servlet.ResultActions uploadSignature(RequestPostProcessor user,
            String orderId, String fileName, byte[] signature) throws Exception {
        return upload(mvc, user, MultipartBody.create().field("type", "SIGNATURE").field("signedDocumentId", orderId)
                .file(fileName, signature));
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void ministryUploadsOrderAndSignatureAndGetsAValidCheck(Algorithm algorithm) throws Exception {
        byte[] order = Files.pdfLike(300_000, algorithm.ordinal());
        String orderId = uploadOrder(order, "5-" + algorithm);

        uploadSignature(Users.kirMinistry(), orderId, "order.pdf.sig", TestPki.signer(algorithm).sign(order))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("application/pkcs7-signature"))
                .andExpect(jsonPath("$.signature.status").value("VALID"))
                .andExpect(jsonPath("$.signature.signer.name").value("Иванова Мария Петровна"))
                .andExpect(jsonPath("$.signature.signer.position").value("Министр образования"))
                .andExpect(jsonPath("$.signature.signer.snils").value("12345678901"))
                .andExpect(jsonPath("$.signature.signer.ogrn").value("1024301340238"))
                .andExpect(jsonPath("$.signature.signingTime").exists())
                .andExpect(jsonPath("$.signature.algorithm").exists());

        mvc.perform(get("/api/documents/{id}/signatures", orderId).with(Users.fedAnalyst()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VALID"))
                .andExpect(jsonPath("$.signatures.length()").value(1));
    }

    /** The fuzzer's finding through the API: a signer's subject that is not UTF-8 once threw (a 500). */
    @Test
    void signatureWhoseCertificateSubjectIsNotUtf8IsAnInvalidCheckNotAServerError() throws Exception {
        byte[] finding;
        try (var in = getClass().getResourceAsStream(
                "SignatureFuzzTestInputs/anySignatureFileIsJudgedWithoutErrorInBoundedTime/crash-subject-not-utf8")) {
            finding = in.readAllBytes();
        }
        String orderId = uploadOrder(SignatureFuzzTest.CONTENT, "7-fuzz");

        uploadSignature(Users.kirMinistry(), orderId, "order.p7s", finding)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.signature.status").value("INVALID"))
                .andExpect(jsonPath("$.signature.detail").value("Подпись или сертификат в ней повреждены и не читаются."));
    }

    @Test
    void signatureOverOtherBytesIsInvalid() throws Exception {
        byte[] order = Files.pdfLike(10_000, 40);
        byte[] tampered = order.clone();
        tampered[5000] ^= 1;
        String orderId = uploadOrder(tampered, "6-tampered");

        uploadSignature(Users.kirMinistry(), orderId, "order.p7s", TestPki.signer(Algorithm.GOST_256).sign(order))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.signature.status").value("INVALID"));
        mvc.perform(get("/api/documents/{id}/signatures", orderId).with(Users.kirOperator()))
                .andExpect(jsonPath("$.status").value("INVALID"));
    }

    @Test
    void expiredUntrustedAndWrongCertificateAreReported() throws Exception {
        byte[] order = Files.pdfLike(10_000, 41);
        String orderId = uploadOrder(order, "7-statuses");

        uploadSignature(Users.kirMinistry(), orderId, "expired.sig", TestPki.expiredSigner(Algorithm.GOST_512)
                .sign(order)).andExpect(jsonPath("$.signature.status").value("EXPIRED"));
        uploadSignature(Users.kirMinistry(), orderId, "untrusted.sig", TestPki.untrustedSigner(Algorithm.RSA)
                .sign(order)).andExpect(jsonPath("$.signature.status").value("UNTRUSTED"));
        TestPki.Signer signer = TestPki.signer(Algorithm.ECDSA);
        byte[] wrong = TestPki.signWith(order, signer.key(), TestPki.signer(Algorithm.ECDSA).certificate(),
                Algorithm.ECDSA);
        uploadSignature(Users.kirMinistry(), orderId, "wrong.sig", wrong)
                .andExpect(jsonPath("$.signature.status").value("INVALID"));
    }

    @Test
    void pemAndBase64SignaturesAreAccepted() throws Exception {
        byte[] order = Files.pdfLike(10_000, 42);
        String orderId = uploadOrder(order, "8-encodings");
        byte[] der = TestPki.signer(Algorithm.GOST_256).sign(order);

        uploadSignature(Users.kirMinistry(), orderId, "order.pem",
                TestPki.pemSignature(der).getBytes(StandardCharsets.US_ASCII))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.signature.status").value("VALID"));
        uploadSignature(Users.kirMinistry(), orderId, "order.sig.txt",
                TestPki.base64Signature(der).getBytes(StandardCharsets.US_ASCII))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.signature.status").value("VALID"));
    }

    @Test
    void orderWithoutSignatureIsNotSignedAndANonSignatureFileIs415() throws Exception {
        String orderId = uploadOrder(Files.pdfLike(10_000, 43), "9-unsigned");

        mvc.perform(get("/api/documents/{id}/signatures", orderId).with(Users.kirMinistry()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("NOT_SIGNED"));
        uploadSignature(Users.kirMinistry(), orderId, "order.sig", Files.pdfLike(1000, 44))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void onlyTheMinistrySignsAndOperatorsStoreImportedOrders() throws Exception {
        byte[] order = Files.pdfLike(10_000, 45);
        String orderId = uploadOrder(order, "10-roles");
        byte[] signature = TestPki.signer(Algorithm.RSA).sign(order);

        uploadSignature(Users.kirOperator(), orderId, "a.sig", signature).andExpect(status().isForbidden());
        uploadSignature(Users.kirSchool1(), orderId, "a.sig", signature).andExpect(status().isForbidden());
        uploadSignature(Users.irkMinistry(), orderId, "a.sig", signature).andExpect(status().isNotFound());
        upload(mvc, Users.kirOperator(), order("11-import", "import.pdf", Files.pdfLike(1000, 46)))
                .andExpect(status().isCreated());
        upload(mvc, Users.kirSchool1(), order("12-school", "school.pdf", Files.pdfLike(1000, 47)))
                .andExpect(status().isForbidden());
    }

    @Test
    void ordersCarrySupersessionLinks() throws Exception {
        String old1 = uploadOrder(Files.pdfLike(1000, 48), "1-old");
        String old2 = uploadOrder(Files.pdfLike(1000, 49), "2-old");

        String newer = json(upload(mvc, Users.kirMinistry(), order("3-new", "new.pdf", Files.pdfLike(1000, 50))
                        .field("repeals", old1).field("repeals", old2))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.order.number").value("3-new"))
                .andExpect(jsonPath("$.order.date").value("2022-02-01"))
                .andExpect(jsonPath("$.order.repeals.length()").value(2))
                .andReturn(), "$.id");

        mvc.perform(get("/api/documents/{id}", old1).with(Users.fedAnalyst()))
                .andExpect(jsonPath("$.order.repealedBy[0]").value(newer));
        String irkOrder = json(upload(mvc, Users.irkMinistry(), order("294-сп", "irk.pdf", Files.pdfLike(1000, 51)))
                .andExpect(status().isCreated()).andReturn(), "$.id");
        upload(mvc, Users.kirMinistry(), order("4-bad", "bad.pdf", Files.pdfLike(1000, 52)).field("repeals", irkOrder))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields.repeals").exists());
    }

    @Test
    void concurrentRechecksOfOneSignatureEachAnswerTheCheck() throws Exception {
        byte[] order = Files.pdfLike(200_000, 77);
        String orderId = uploadOrder(order, "9-race");
        String signatureId = json(uploadSignature(Users.kirMinistry(), orderId, "race.sig",
                TestPki.signer(Algorithm.GOST_256).sign(order)).andExpect(status().isCreated()).andReturn(), "$.id");

        int callers = 5;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(post("/api/documents/{id}/verification", signatureId)
                            .with(Users.kirMinistry())).andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        }
        mvc.perform(get("/api/documents/{id}/signatures", orderId).with(Users.kirMinistry()))
                .andExpect(jsonPath("$.status").value("VALID"))
                .andExpect(jsonPath("$.signatures.length()").value(1));
    }
}
