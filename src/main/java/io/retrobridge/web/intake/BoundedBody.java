package io.retrobridge.web.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body as raw bytes, refusing to hold more than a limit in memory. */
public final class BoundedBody {

    public static final class TooLargeException extends Exception {
        TooLargeException() {
            super(null, null, false, false);
        }
    }

    private BoundedBody() {
    }

    /** @param declaredLength the Content-Length, or -1 when unknown (chunked) */
    public static byte[] read(InputStream in, long declaredLength, int limit) throws IOException, TooLargeException {
        if (declaredLength > limit) {
            throw new TooLargeException();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 8192);
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
            if (body.size() + read > limit) {
                throw new TooLargeException();
            }
            body.write(buffer, 0, read);
        }
        return body.toByteArray();
    }
}
