#!/bin/sh
# One-shot (service minio-setup): the documents bucket, versioned, and document-service's own user limited
# to it. Safe to run again.
set -eu
mc alias set platform http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD"
mc mb --ignore-existing platform/documents
mc version enable platform/documents
mc admin policy create platform documents-rw /etc/platform/documents-policy.json
mc admin user add platform "$S3_ACCESS_KEY" "$S3_SECRET_KEY"
mc admin policy attach platform documents-rw --user "$S3_ACCESS_KEY" || true
