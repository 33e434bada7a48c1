package ru.school500.documentservice.practice;

import ru.school500.documentservice.security.CurrentUser;
import ru.school500.documentservice.security.Role;

/**
 * Who sees and does what with a practice. Published practices are public; anything else stays with its
 * author school and, once submitted, with the people who look after that school in its region.
 */
public final class PracticeAccess {

    private PracticeAccess() {
    }

    public static boolean canRead(CurrentUser user, PracticeRef practice) {
        return practice.published() || canSeeUnpublished(user, practice);
    }

    /** The author school always; the region's operator, the school's curator and municipality once submitted. */
    public static boolean canSeeUnpublished(CurrentUser user, PracticeRef practice) {
        if (user.isAnonymous() || !user.belongsTo(practice.region())) {
            return false;
        }
        if (user.isSchool(practice.school())) {
            return true;
        }
        if (practice.status() == PracticeStatus.DRAFT) {
            return false;
        }
        return user.has(Role.REGIONAL_OPERATOR) || user.curates(practice.school())
                || user.coordinatesMunicipality(practice.municipality());
    }

    public static boolean canEdit(CurrentUser user, PracticeRef practice) {
        return user.belongsTo(practice.region()) && user.isSchool(practice.school()) && practice.editableByAuthor();
    }

    public static boolean canReview(CurrentUser user, PracticeRef practice) {
        return user.has(Role.REGIONAL_OPERATOR) && user.belongsTo(practice.region());
    }
}
