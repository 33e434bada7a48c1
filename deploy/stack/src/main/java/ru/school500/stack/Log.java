package ru.school500.stack;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

final class Log {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Log() {
    }

    static void info(String message) {
        System.out.println("[stack " + LocalTime.now().format(TIME) + "] " + message);
    }
}
