import { ChangeDetectionStrategy, Component, inject, type OnInit } from '@angular/core';
import { DeletionSection } from './deletion-section';
import { ExportSection } from './export-section';
import { PrivacyRequests } from './privacy-requests';

/** /settings/privacy: download my data, delete my account. Both are jobs the page follows as they run. */
@Component({
  selector: 'cf-privacy-page',
  imports: [DeletionSection, ExportSection],
  providers: [PrivacyRequests],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './privacy-page.html',
})
export class PrivacyPage implements OnInit {
  private readonly requests = inject(PrivacyRequests);

  ngOnInit(): void {
    this.requests.load();
  }
}
