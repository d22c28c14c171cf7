package io.noticemailer.campaign;

public record Hotline(String phone, String hours) {
}
