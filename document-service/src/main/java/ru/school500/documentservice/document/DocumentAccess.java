package ru.school500.documentservice.document;

import ru.school500.documentservice.practice.PracticeAccess;
import ru.school500.documentservice.practice.PracticeRef;
import ru.school500.documentservice.security.CurrentUser;
import ru.school500.documentservice.security.Role;

/**
 * The role × region rules for changing documents, free of Spring (unit-tested as a matrix); who may read one
 * is {@link DocumentVisibility}'s. A caller who may not read a document is told it does not exist (404); one
 * who may read it but not change it gets 403.
 */
final class DocumentAccess {

    private DocumentAccess() {
    }

    /** May the caller start an upload at all (checked before the body is read)? */
    static boolean mayUploadAnything(CurrentUser user) {
        return user.region() != null
                && user.hasAny(Role.SCHOOL, Role.REGIONAL_MINISTRY, Role.REGIONAL_OPERATOR);
    }

    /** May the caller create a new document of this type in its own region? */
    static boolean mayCreate(CurrentUser user, DocumentType type) {
        if (user.region() == null) {
            return false;
        }
        return switch (type) {
            case SCHOOL_MATERIAL, PRACTICE_FILE -> user.has(Role.SCHOOL) && user.school() != null;
            case ORDER -> user.hasAny(Role.REGIONAL_MINISTRY, Role.REGIONAL_OPERATOR);
            case SIGNATURE -> user.has(Role.REGIONAL_MINISTRY);
        };
    }

    /** New versions, metadata changes, soft delete: the owner only. */
    static boolean canWrite(CurrentUser user, Document doc, PracticeRef practice) {
        if (!user.belongsTo(doc.getRegion())) {
            return false;
        }
        return switch (doc.getType()) {
            case SCHOOL_MATERIAL -> user.isSchool(doc.getSchool());
            case ORDER -> user.hasAny(Role.REGIONAL_MINISTRY, Role.REGIONAL_OPERATOR);
            case SIGNATURE -> user.has(Role.REGIONAL_MINISTRY);
            case PRACTICE_FILE -> practice != null && PracticeAccess.canEdit(user, practice);
        };
    }

    /** Restore after a soft delete: the owner, and the owner's region (its operators). */
    static boolean canRestore(CurrentUser user, Document doc, PracticeRef practice) {
        return canWrite(user, doc, practice) || (user.has(Role.REGIONAL_OPERATOR) && user.belongsTo(doc.getRegion()));
    }

    /** Comments on school materials: the school's curator, the school itself and the region's operator. */
    static boolean canComment(CurrentUser user, Document doc) {
        return doc.getType() == DocumentType.SCHOOL_MATERIAL && !doc.isDeleted() && user.belongsTo(doc.getRegion())
                && (user.curates(doc.getSchool()) || user.isSchool(doc.getSchool())
                        || user.has(Role.REGIONAL_OPERATOR));
    }
}
