package io.noticemailer.send;

import java.time.Clock;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.ledger.Delivery;
import io.noticemailer.message.ComposedMessage;
import io.noticemailer.message.MessageComposer;
import io.noticemailer.message.MessageIds;
import io.noticemailer.render.NoticeModel;
import io.noticemailer.render.NoticeRenderer;
import io.noticemailer.render.RenderedNotice;

/**
 * Renders and composes the message of one delivery before anything is claimed. A render failure does not
 * stop the run: the delivery carries the reason and is recorded FAILED by the sender.
 */
public class NoticePreparer implements ItemProcessor<Delivery, PreparedNotice> {

    private final JobFile job;
    private final NoticeRenderer renderer;
    private final MessageComposer composer;
    private final Clock clock;

    public NoticePreparer(JobFile job, NoticeRenderer renderer, MessageComposer composer, Clock clock) {
        this.job = job;
        this.renderer = renderer;
        this.composer = composer;
        this.clock = clock;
    }

    @Override
    public PreparedNotice process(Delivery d) {
        String messageId = d.messageId() != null ? d.messageId()
                : MessageIds.forDelivery(d.campaign(), d.customerId(), job.sender().domain());
        String template = job.templateFor(d.cohort());
        if (template == null) {
            return PreparedNotice.failed(d, messageId, "cohort '" + d.cohort() + "' is no longer in the job file");
        }
        try {
            RenderedNotice notice = renderer.render(template, NoticeModel.of(d.campaign(), d.customerId(), d.name(),
                    d.email(), d.cohort(), d.managementCode(), job.hotline(), d.fields()));
            ComposedMessage composed = composer.composeNotice(d.email(), notice, messageId, clock.instant());
            return new PreparedNotice(d, composed.message(), messageId, null, composed.charset().mimeName());
        } catch (RuntimeException e) {
            return PreparedNotice.failed(d, messageId, "could not render or compose the message: " + e.getMessage());
        }
    }
}
