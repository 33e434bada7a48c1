package ru.school500.documentservice.practice;

import ru.school500.documentservice.security.CurrentUser;
import ru.school500.documentservice.security.Role;

/**
 * Who may change a practice: its author school while it is a draft or returned, and the region's operator
 * for the review. Who may read one is {@link PracticeVisibility}'s.
 */
public final class PracticeAccess {

    private PracticeAccess() {
    }

    public static boolean canEdit(CurrentUser user, PracticeRef practice) {
        return user.belongsTo(practice.region()) && user.isSchool(practice.school()) && practice.editableByAuthor();
    }

    public static boolean canReview(CurrentUser user, PracticeRef practice) {
        return user.has(Role.REGIONAL_OPERATOR) && user.belongsTo(practice.region());
    }
}
